import { XmlWriter, escapeXmlAttribute, escapeXmlText } from './xml-writer';

const PROLOG = '<?xml version="1.0" encoding="UTF-8"?>';

describe('XmlWriter', () => {
  it('escapes markup characters in text, every ampersand included', () => {
    expect(escapeXmlText('R&D <b> "x" \'y\' ]]> &amp; &#38;')).toBe(
      'R&amp;D &lt;b&gt; "x" \'y\' ]]&gt; &amp;amp; &amp;#38;',
    );
  });

  it('escapes quotes in attribute values, and keeps a CR as a character reference in both', () => {
    expect(escapeXmlAttribute('a "b" & <c>')).toBe('a &quot;b&quot; &amp; &lt;c&gt;');
    expect(escapeXmlText('BEGIN:VCARD\r\nEND:VCARD\r\n')).toBe(
      'BEGIN:VCARD&#13;\nEND:VCARD&#13;\n',
    );
    expect(escapeXmlAttribute('x\ry')).toBe('x&#13;y');
  });

  it('writes nested elements with attributes in the order given, empty ones self-closed', () => {
    const xml = new XmlWriter()
      .start('root', { xmlns: 'urn:x', 'xsi:type': 'a&b', n: 3 })
      .text('title', 'Tom & Jerry', { language: 'nl' })
      .start('list')
      .end()
      .text('empty', '')
      .empty('token', { cursor: 0 })
      .end();
    expect(xml.toString()).toBe(
      `${PROLOG}<root xmlns="urn:x" xsi:type="a&amp;b" n="3"><title language="nl">Tom &amp; Jerry</title><list/><empty></empty><token cursor="0"/></root>`,
    );
  });

  it('refuses a document with an element left open, and an end without a start', () => {
    expect(() => new XmlWriter().start('a').toString()).toThrow('<a> is not ended');
    expect(() => new XmlWriter().end()).toThrow('without an open element');
  });
});
