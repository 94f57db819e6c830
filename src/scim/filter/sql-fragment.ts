/** A piece of SQL with its bound parameters. Values only ever travel as parameters, never inside the text. */
export class Fragment {
  constructor(
    readonly sql: string,
    readonly params: readonly unknown[],
  ) {}
}

/**
 * Tagged template: interpolated Fragments are inlined, anything else becomes a `?` parameter.
 * `sql\`json_extract(body, ${path}) = ${value}\`` → "json_extract(body, ?) = ?" with [path, value].
 */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): Fragment {
  let text = strings[0]!;
  const params: unknown[] = [];
  values.forEach((value, index) => {
    if (value instanceof Fragment) {
      text += value.sql;
      params.push(...value.params);
    } else {
      text += "?";
      params.push(typeof value === "boolean" ? Number(value) : value);
    }
    text += strings[index + 1]!;
  });
  return new Fragment(text, params);
}

/** Trusted SQL text: column names and aliases chosen by our code, never by a request. */
export function trusted(text: string): Fragment {
  return new Fragment(text, []);
}
