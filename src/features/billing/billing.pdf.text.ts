/**
 * Text the PDF standard fonts can show. Helvetica in a PDF is encoded as WinAnsi (Latin-1 plus
 * € “ ” • – and a few more): a character outside it would print as a wrong glyph, so a name like
 * "Ayşe Yılmaz" would come out garbled on an invoice. Letters with a diacritic WinAnsi lacks lose
 * the mark ("Ayse Yilmaz"), which keeps the name readable; anything else becomes "?".
 */

/** The characters WinAnsi adds in 0x80–0x9F to Latin-1. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ')

/** Letters NFD does not split into a base letter and a mark. */
const BASE_LETTER: Record<string, string> = { ı: 'i', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ħ: 'h', Ħ: 'H', ŀ: 'l', Ŀ: 'L' }

function shown(ch: string): boolean {
  const code = ch.codePointAt(0)!
  return code === 0x0a || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(ch)
}

export function winAnsi(text: string): string {
  let out = ''
  for (const ch of text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ')) {
    if (shown(ch)) out += ch
    else if (BASE_LETTER[ch]) out += BASE_LETTER[ch]
    else {
      const base = ch.normalize('NFD').replace(/\p{M}/gu, '')
      out += base !== '' && [...base].every(shown) ? base : /\p{Zs}/u.test(ch) ? ' ' : '?'
    }
  }
  return out
}
