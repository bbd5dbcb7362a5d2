import { SaxesParser } from 'saxes';
import { ReadRefusal, notXlsx } from './read-refusal';

/** What a part's reader does with its XML, event by event (names as written, prefix and all). */
export interface XmlHandler {
  open(name: string, attributes: Record<string, string>): void;
  text(text: string): void;
  close(name: string): void;
  /** Why a run of text or a tag as long as `maxToken` is refused, where the handler is now. */
  tooLong(maxToken: number): string;
}

/** Deeper than any spreadsheet part nests: a file of opening tags cannot grow the stack. */
const MAX_DEPTH = 64;

/**
 * Feeds a part's text to a SAX parser, and yields after each chunk so that the caller can
 * hand on what the handler made of it (rows) before more is read. The parser gathers a text
 * or a tag whole before it tells of it; so that it cannot gather without end, a chunk that
 * brings no event after `maxToken` characters without one ends the read.
 */
export async function* parseXml(
  part: string,
  chunks: AsyncIterable<string>,
  handler: XmlHandler,
  maxToken: number,
): AsyncGenerator<void> {
  const parser = new SaxesParser({ position: false });
  let depth = 0;
  let sinceEvent = 0;
  parser.on('opentag', (tag) => {
    sinceEvent = 0;
    if (++depth > MAX_DEPTH) throw notXlsx(`het onderdeel ${part} is te diep genest`);
    handler.open(tag.name, tag.attributes as Record<string, string>);
  });
  // A self-closing tag is told of as opened and closed.
  parser.on('closetag', (tag) => {
    sinceEvent = 0;
    depth--;
    handler.close(tag.name);
  });
  const text = (value: string) => {
    sinceEvent = 0;
    handler.text(value);
  };
  parser.on('text', text);
  parser.on('cdata', text);
  parser.on('error', () => {
    throw notXlsx(`het onderdeel ${part} is geen geldige XML`);
  });
  for await (const chunk of chunks) {
    parser.write(chunk);
    sinceEvent += chunk.length;
    const tooLong = sinceEvent > maxToken;
    // What the chunk finished goes first.
    yield;
    if (tooLong) throw new ReadRefusal(handler.tooLong(maxToken));
  }
  parser.close();
  yield;
}
