// Writes a Brotli (.br) and a gzip (.gz) copy beside every text asset of the built web
// application, at the highest levels: once at build time instead of on every request. The server
// (@fastify/static with preCompressed) sends the copy the browser accepts.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const compressible = new Set(['.js', '.css', '.html', '.svg', '.json', '.txt', '.map']);
/** Below this a compressed copy saves less than its own headers cost. */
const smallestWorthCompressing = 1024;

export function precompressDirectory(directory) {
  let files = 0;
  let bytesBefore = 0;
  let bytesAfter = 0;
  for (const entry of fs.readdirSync(directory, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !compressible.has(path.extname(entry.name))) continue;
    const file = path.join(entry.parentPath, entry.name);
    const content = fs.readFileSync(file);
    if (content.length < smallestWorthCompressing) continue;
    const brotli = zlib.brotliCompressSync(content, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length },
    });
    fs.writeFileSync(`${file}.br`, brotli);
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(content, { level: 9 }));
    files += 1;
    bytesBefore += content.length;
    bytesAfter += brotli.length;
  }
  return { files, bytesBefore, bytesAfter };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const directory = path.resolve(process.argv[2] ?? 'dist');
  const { files, bytesBefore, bytesAfter } = precompressDirectory(directory);
  console.log(`precompressed ${files} files: ${Math.round(bytesBefore / 1024)} kB → ${Math.round(bytesAfter / 1024)} kB (Brotli)`);
}
