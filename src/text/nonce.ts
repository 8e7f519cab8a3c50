/**
 * A fresh base64 nonce for a Content-Security-Policy, from Web Crypto: the same in Node 22, the
 * browser and the web extension host (no node:crypto, so the web build can carry it).
 */
export function randomNonce(bytes = 16): string {
    return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(bytes))));
}
