/** The bundler hands CSS files to the component as text. */
declare module '*.css' {
  const text: string
  export default text
}
