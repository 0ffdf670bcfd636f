// randomBytes for the emulator's log ids and tokens, from the browser's Web Crypto. Only what the engine
// calls: toString('hex') of the whole buffer or of a byte range.
export function randomBytes(size) {
  const bytes = crypto.getRandomValues(new Uint8Array(size));
  return {
    length: size,
    toString(encoding, start = 0, end = size) {
      if (encoding !== 'hex') throw new Error(`try-it: randomBytes().toString supports hex only, got ${encoding}`);
      let out = '';
      for (let i = start; i < end; i++) out += bytes[i].toString(16).padStart(2, '0');
      return out;
    },
  };
}
