/**
 * fast-check arbitraries for hostile requests (the fuzz test): strings that break encodings and databases,
 * values of the wrong type, deep nesting, and bodies shaped like a route's own JSON Schema (from the OpenAPI
 * document) so that hostile text gets past the schema and reaches the services and the SQL.
 */
import fc from "fast-check";

type JsonSchema = Record<string, unknown>;

/** Text a person may type, and text that broke PinDesk before (issue 11): NUL, lone surrogates, the last code points. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "Ken",
    "ken*",
    "sip:kenmyer@litwareinc.com",
    "litwareinc\\kenmyer",
    "Finance",
    "True",
    "tag:ExecutivePinPolicy",
    "CN=Ken Myer,OU=Finance,DC=litwareinc,DC=com",
    "(department=Finance)",
    "123456",
    "",
    " ",
    "a\u0000b",
    "\u0000",
    "Ken\ud800",
    "\udc00x",
    "Ken\u{10FFFF}",
    "\u{10FFFF}",
    "k\ud7ff",
    "\ud7ff",
    "😀🙂",
    "=1+1",
    "'; drop table directory_users; --",
    "%zz",
    "\\00",
    "*",
    "**",
  ),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 20 }),
  fc.integer({ min: 1, max: 300_000 }).map((n) => "x".repeat(n)),
);

/** Any JSON value, nested up to a few levels, with hostile strings. */
const anyJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    hostileText,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(hostileText, tie("value"), { maxKeys: 4 }),
  ),
})).value;

/** A body sent as it is: deep nesting, and JSON that only almost parses. */
export interface RawBody {
  raw: string;
}

const rawBody: fc.Arbitrary<RawBody> = fc.oneof(
  fc.integer({ min: 50, max: 100_000 }).map((depth) => ({ raw: `${"[".repeat(depth)}${"]".repeat(depth)}` })),
  fc
    .integer({ min: 50, max: 50_000 })
    .map((depth) => ({ raw: `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}` })),
  fc.constantFrom(
    { raw: "{" },
    { raw: '{"a":"\ud800"}' },
    { raw: '{"username":"\u0000"}' },
    { raw: "\u0000" },
  ),
);

/** A value shaped by a JSON Schema (as zod writes them), with hostile text wherever text goes. */
export function fromSchema(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return anyJson;
  const options = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (options) return fc.oneof(...options.map((option) => fromSchema(option, depth + 1)));
  if ("const" in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.oneof(fc.constantFrom(...schema.enum), hostileText);
  switch (schema.type) {
    case "object": {
      const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, property] of Object.entries(properties))
        model[name] = fromSchema(property, depth + 1);
      return fc.record(model, { requiredKeys: (schema.required as string[] | undefined) ?? [] });
    }
    case "array":
      return fc.array(fromSchema(schema.items as JsonSchema | undefined, depth + 1), { maxLength: 4 });
    case "string":
      return hostileText;
    case "integer":
      return fc.oneof(fc.integer({ min: -2, max: 5_000 }), fc.constantFrom(2 ** 31, 2 ** 53, -(2 ** 31) - 1));
    case "number":
      return fc.oneof(fc.double(), fc.integer());
    case "boolean":
      return fc.boolean();
    default:
      return anyJson;
  }
}

/** A body for a route: most shaped by its schema (to reach the database), the rest plainly wrong. */
export const requestBody = (schema: JsonSchema | undefined): fc.Arbitrary<unknown> =>
  fc.oneof(
    { arbitrary: fromSchema(schema), weight: 6 },
    { arbitrary: anyJson, weight: 2 },
    { arbitrary: rawBody, weight: 1 },
  );

export const isRawBody = (body: unknown): body is RawBody =>
  typeof body === "object" && body !== null && Object.keys(body).length === 1 && "raw" in body;

/** A path parameter as it appears in the URL: malformed escapes too, which only the router decodes. */
export const pathSegment: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "%",
    "%zz",
    "%C0%AF",
    "%FF",
    "%E0%80",
    "%00",
    "%ED%A0%80",
    "1",
    "0",
    "-1",
    "1.5",
    "2147483648",
  ),
  fc.constantFrom("99999999999999999999", "1e3", "0x10", " 1", "%20"),
  hostileText.map((text) => encodeURIComponent(text.replace(/[\ud800-\udfff]/g, "x")).slice(0, 2000)),
);

/** A query string for a route: its own parameters with hostile values, and malformed escapes. */
export function queryString(names: readonly string[]): fc.Arbitrary<string> {
  const value = fc.oneof(
    hostileText.map((text) => encodeURIComponent(text.replace(/[\ud800-\udfff]/g, "x")).slice(0, 20_000)),
    fc.constantFrom("%", "%zz", "%C0%AF", "%FF", "%00", "%ED%A0%80"),
  );
  const name = names.length > 0 ? fc.oneof(fc.constantFrom(...names), fc.constant("x")) : fc.constant("x");
  return fc
    .array(fc.tuple(name, value), { maxLength: 4 })
    .map((pairs) => (pairs.length === 0 ? "" : `?${pairs.map(([n, v]) => `${n}=${v}`).join("&")}`));
}
