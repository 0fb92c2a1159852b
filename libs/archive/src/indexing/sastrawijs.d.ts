// sastrawijs ships declarations, but its package.json "exports" does not point at them, so nodenext resolution misses them.
declare module 'sastrawijs' {
  export class Stemmer {
    constructor(dictionary?: string[]);
    stem(word: string): string;
    remove(words: string[]): void;
    addToDict(words: string[]): void;
  }
}
