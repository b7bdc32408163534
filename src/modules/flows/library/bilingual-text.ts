/**
 * Text a patient or the care team reads, in both of Careline's languages. The engine accepts one
 * language standing in for the other; built-in flows always carry both, so no clinic starts with gaps.
 */
export interface BilingualText {
  fr: string;
  en: string;
}
