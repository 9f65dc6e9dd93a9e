/** Writes .br and .gz copies beside every text asset of at least 1 kB below `directory`. */
export function precompressDirectory(directory: string): { files: number; bytesBefore: number; bytesAfter: number };
