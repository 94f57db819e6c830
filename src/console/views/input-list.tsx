import { type FieldErrors, Input } from "./components.js";

export type InputSpec = Omit<Parameters<typeof Input>[0], "errors">;

/** Inputs of the same shape from a list, each next to its error: a form's plain fields in one place each. */
export function InputList(props: { fields: readonly InputSpec[]; errors: FieldErrors }) {
  return (
    <>
      {props.fields.map((field) => (
        <Input {...field} errors={props.errors} />
      ))}
    </>
  );
}

/** A number field, with the keyboard for whole numbers (days, sizes) or, where asked, decimals (percentages). */
export function numberInput(
  name: string,
  label: string,
  value: string,
  hint?: string,
  inputmode: "numeric" | "decimal" = "numeric",
): InputSpec {
  return { name, label, value, hint, type: "number", inputmode };
}
