/** A sentence shown to a person: Italian first, English as second language. */
export interface Text {
  it: string;
  en: string;
}

export type Lang = keyof Text;

export const text = (it: string, en: string): Text => ({ it, en });
