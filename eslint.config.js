// Lint rules: typescript-eslint's recommended set, plus a ban on string-built SQL
// (sql.raw and template strings passed to execute) so every query stays parameterised, a ban on
// reading the query string by hand (c.req.query: it goes through a schema in kernel/http/params.ts), and the
// import directions of decisions/011-kernel-and-core-features.md: the kernel imports no feature
// and no list of src/; the core features (accounts, places, content) import no other feature;
// a route file gives others its router only.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

/** The features others may build on (decisions/011-kernel-and-core-features.md). */
const CORE = ['accounts', 'places', 'content']

/** The data export's format, whose section types each privacy module fills (decisions/012). */
const EXPORT_FORMAT = 'my-data/export\\.schema\\.js$'

/** A route file is no library: take its router, and find shared values in a module of their own. */
const ROUTES_GIVE_ROUTERS_ONLY = {
  regex: '\\.routes(\\.tsx?|\\.js)?$',
  allowImportNamePattern: '^[a-z][A-Za-z]*Routes$',
  message: 'Import only the router from a route file; move a shared value into a module that is not a route file.',
}

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'drizzle/', 'dist/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', performance: 'readonly', fetch: 'readonly', Blob: 'readonly', File: 'readonly', Response: 'readonly', Request: 'readonly', Headers: 'readonly', URLSearchParams: 'readonly', NodeJS: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='raw'][callee.object.name='sql']", message: 'No string-built SQL: use the sql`` template with parameters.' },
        { selector: "CallExpression[callee.property.name=/^(execute|query)$/] > TemplateLiteral", message: 'No string-built SQL: use the sql`` template with parameters.' },
        // The query string is read in one place, kernel/http/params.ts (decisions/013), which itself
        // works from c.req.url: a hand-read value skips the schema that says what a bad one does.
        { selector: "CallExpression[callee.property.name=/^quer(y|ies)$/][callee.object.property.name='req']", message: 'Read the query string through a zod schema: readQuery (or readQueryForm for a form sent with GET) from kernel/http/params.ts.' },
      ],
      eqeqeq: ['error', 'always'],
      curly: ['error', 'multi-line'],
    },
  },
  {
    files: ['src/**'],
    // A test may read the limits of the route file it tests.
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: [ROUTES_GIVE_ROUTERS_ONLY] }] },
  },
  {
    files: ['src/kernel/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ROUTES_GIVE_ROUTERS_ONLY,
            { regex: '(^|/)features/', message: 'The kernel names no feature: declare an interface here and let the feature implement it (wired in app.tsx or boot.ts).' },
            { regex: '^(\\.\\./)+(app|boot|jobs|retention|schema|messages)(\\.tsx?|\\.js)?$', message: 'The lists in src/ gather the features; the kernel cannot import them.' },
          ],
        },
      ],
    },
  },
  {
    files: CORE.map((name) => `src/features/${name}/**`),
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-imports': 'off',
      // The typescript-eslint variant: it can let type-only imports through.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            ROUTES_GIVE_ROUTERS_ONLY,
            { regex: `^\\.\\./(?!(${[...CORE.map((name) => `${name}/`), EXPORT_FORMAT].join('|')}))[\\w-]+/`, message: `A core feature (${CORE.join(', ')}) imports no other feature: let the feature above it hand in what it needs.` },
            { regex: EXPORT_FORMAT, allowTypeImports: true, message: 'A core feature takes only the types of the export format (its privacy module fills its sections, decisions/012).' },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**', 'e2e/**', 'scripts/**', '**/*.test.ts', '**/*.test.tsx'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', 'no-restricted-syntax': 'off' },
  },
)
