import { z } from "zod";

/** The OpenAPI document's outline; the whole is checked against the OpenAPI 3.1 schema in the tests. */
export const ZOpenApiDocument = z.looseObject({
  openapi: z.literal("3.1.0"),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.unknown()),
});
