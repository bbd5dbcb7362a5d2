/**
 * The feeds' XML written straight into one string, start tag to end tag, in document order.
 * A harvest page is 200 records of fixed shape: building them as a DOM (xmlbuilder2) and
 * serialising that tree cost four fifths of a page's time and most of its garbage
 * (bench/README.md "Harvesting"); this writes the same bytes without the tree.
 *
 * Names and namespace declarations are the caller's (constants of the formats); every text and
 * attribute value goes through one escaping helper.
 */
export type XmlAttributes = Record<string, string | number>;

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  // A CR as a character reference: a parser turns a literal CRLF into LF, so only `&#13;`
  // reaches the harvester as a CR (a vCard's lines end in CRLF).
  '\r': '&#13;',
};
const TEXT = /[&<>\r]/g;
const ATTRIBUTE = /[&<>"\r]/g;
const replace = (character: string) => ESCAPES[character];

/**
 * Text as character data. Every `&` is escaped, also one that looks like an entity: the text
 * "&amp;" reaches the harvester as written, not as "&".
 */
export function escapeXmlText(value: string): string {
  return value.replace(TEXT, replace);
}

/** A value for a double-quoted attribute. */
export function escapeXmlAttribute(value: string): string {
  return value.replace(ATTRIBUTE, replace);
}

function attributesOf(attributes: XmlAttributes | undefined): string {
  let out = '';
  if (attributes)
    for (const name in attributes)
      out += ` ${name}="${escapeXmlAttribute(String(attributes[name]))}"`;
  return out;
}

export class XmlWriter {
  private out = '<?xml version="1.0" encoding="UTF-8"?>';
  private readonly open: string[] = [];
  /** The last start tag is not yet closed by `>`: it becomes `<name/>` if nothing follows. */
  private pending = false;

  /** Starts an element; its content follows until `end()`. */
  start(name: string, attributes?: XmlAttributes): this {
    this.content();
    this.out += `<${name}${attributesOf(attributes)}`;
    this.open.push(name);
    this.pending = true;
    return this;
  }

  /** Ends the innermost element: `<name/>` when it got no content. */
  end(): this {
    const name = this.open.pop();
    if (name === undefined) throw new Error('XmlWriter.end() without an open element');
    if (this.pending) this.out += '/>';
    else this.out += `</${name}>`;
    this.pending = false;
    return this;
  }

  /** An element holding only text (`<name></name>` for empty text). */
  text(name: string, value: string, attributes?: XmlAttributes): this {
    this.content();
    this.out += `<${name}${attributesOf(attributes)}>${escapeXmlText(value)}</${name}>`;
    return this;
  }

  /** An element without content: `<name/>`. */
  empty(name: string, attributes?: XmlAttributes): this {
    this.content();
    this.out += `<${name}${attributesOf(attributes)}/>`;
    return this;
  }

  /** The whole document; every element must have been ended. */
  toString(): string {
    if (this.open.length) throw new Error(`XmlWriter: <${this.open.at(-1)}> is not ended`);
    return this.out;
  }

  private content(): void {
    if (!this.pending) return;
    this.out += '>';
    this.pending = false;
  }
}
