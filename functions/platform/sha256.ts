// SHA-256 of a UTF-8 string with WebCrypto (every runtime): secrets, ETags, rate-limit keys.
export async function sha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
}
