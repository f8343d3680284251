import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { keyFingerprint, parseRsaPublicKey } from "./public-key";

const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 });
const spki = rsa.publicKey.export({ type: "spki", format: "pem" }).toString();
const pkcs1 = rsa.publicKey.export({ type: "pkcs1", format: "pem" }).toString();

describe("parseRsaPublicKey", () => {
  it("accepts an RSA public key (SPKI or PKCS#1) and stores it as SPKI", () => {
    expect(parseRsaPublicKey(`\n ${spki} \n`)).toEqual({ pem: spki });
    expect(parseRsaPublicKey(pkcs1)).toEqual({ pem: spki });
  });
  it("refuses a private key, a non-RSA key and garbage", () => {
    const priv = rsa.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    expect(parseRsaPublicKey(priv)).toMatchObject({ error: expect.stringMatching(/PEM form/) });
    const ec = generateKeyPairSync("ec", { namedCurve: "P-256" }).publicKey.export({ type: "spki", format: "pem" }).toString();
    expect(parseRsaPublicKey(ec)).toMatchObject({ error: expect.stringMatching(/ec key/) });
    expect(parseRsaPublicKey("-----BEGIN PUBLIC KEY-----\nnot base64\n-----END PUBLIC KEY-----")).toMatchObject({ error: expect.stringMatching(/not a readable/) });
    expect(parseRsaPublicKey("ssh-rsa AAAA")).toHaveProperty("error");
  });
});

describe("keyFingerprint", () => {
  it("is short and the same for both encodings of a key", () => {
    expect(keyFingerprint(spki)).toMatch(/^sha256:[0-9a-f]{16}$/);
    expect(keyFingerprint(pkcs1)).toBe(keyFingerprint(spki));
  });
});
