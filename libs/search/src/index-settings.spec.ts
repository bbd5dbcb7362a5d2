import { EMBEDDER, indexSettings } from './index-settings';

describe('index settings', () => {
  it('has no embedder without a model, and removes one left from an earlier setting', () => {
    expect(indexSettings().embedders).toBeNull();
  });

  it('tells Meilisearch how to call a rest embedder in batches', () => {
    const settings = indexSettings({
      source: 'rest',
      url: 'http://127.0.0.1:8080/embed',
      dimensions: 512,
      semanticRatio: 0.3,
      similarityWeight: 0.4,
      similarityFloor: 0.5,
    });
    expect(settings.embedders?.[EMBEDDER]).toMatchObject({
      source: 'rest',
      url: 'http://127.0.0.1:8080/embed',
      dimensions: 512,
      request: { input: ['{{text}}', '{{..}}'] },
      response: { embeddings: ['{{embedding}}', '{{..}}'] },
      documentTemplate: '{{doc.title}}. {{doc.summary}}',
    });
  });

  it('passes an ollama model and its key, and searches the terms field last', () => {
    const settings = indexSettings({
      source: 'ollama',
      model: 'nomic-embed-text',
      apiKey: 'secret-key',
      semanticRatio: 0.3,
      similarityWeight: 0.4,
      similarityFloor: 0.5,
    });
    expect(settings.embedders?.[EMBEDDER]).toMatchObject({
      source: 'ollama',
      model: 'nomic-embed-text',
      apiKey: 'secret-key',
    });
    expect(settings.searchableAttributes?.at(-1)).toBe('terms');
  });
});
