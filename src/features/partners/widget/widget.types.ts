/**
 * The widget data endpoint's JSON (/embed/v1/widgets/<id>): written by the platform
 * (partners.widgets.present.ts) and read by the web component (embed.ts), so both use this file.
 */
export interface WidgetItemJson {
  id: number
  type: string
  title: string
  summary: string
  /** The item's page on our site. */
  url: string
  wijk: string
  /** An activity's next occurrence (ISO 8601), else null. */
  starts_at: string | null
  ends_at: string | null
  all_day: boolean
  location: string | null
  price_cents: number | null
}

export interface WidgetJson {
  widget: { id: string; module: string; lang: string; place: string | null; more_url: string | null }
  items: WidgetItemJson[]
}
