/** The element tree the XML reader gives: names resolved, references expanded, offsets kept for messages. */

export interface XmlAttribute {
  readonly name: string;
  readonly local: string;
  /** Undefined for an unprefixed attribute, which is in no namespace. */
  readonly namespace: string | undefined;
  readonly value: string;
  readonly offset: number;
}

export interface XmlElement {
  readonly name: string;
  readonly local: string;
  readonly namespace: string | undefined;
  readonly attributes: XmlAttribute[];
  readonly children: XmlElement[];
  /** Character data directly inside the element, in order, with where each run starts. */
  readonly text: { value: string; offset: number }[];
  readonly offset: number;
}
