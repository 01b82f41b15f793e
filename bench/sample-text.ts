// Moved to main/engine/sample/ (the app's "try the sample" uses it too); re-exported for the bench.
export * from '../main/engine/sample/sample-text.js';
