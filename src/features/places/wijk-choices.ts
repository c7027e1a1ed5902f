import type { SelectGroup } from '../../kernel/ui/components.js'
import type { WijkSummary } from './places.queries.js'

/** Wijken as select options under their city, in the order given (listWijken sorts by city, then name). */
export function wijkChoices(wijken: WijkSummary[]): SelectGroup[] {
  const cities = new Map<string, SelectGroup>()
  for (const w of wijken) {
    const city = cities.get(w.cityName) ?? { group: w.cityName, options: [] }
    city.options.push({ value: String(w.id), label: w.name })
    cities.set(w.cityName, city)
  }
  return [...cities.values()]
}
