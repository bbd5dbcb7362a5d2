export * from './normalise';
export * from './dutch-stemmer';
export * from './compound-lexicon';
export * from './decompounder';
export * from './thesaurus';
export * from './dutch-analyser';
