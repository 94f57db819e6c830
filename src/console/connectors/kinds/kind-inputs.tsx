import { useMessages } from "../../i18n/use-language.js";
import { Input, SecretInput } from "../../views/components.js";
import type { KindFieldsProps } from "./kind-form.js";

/** A kind's fields in its declared order, each named "<section>.<name>" as config.toml keys them. */
export function KindInputs(props: KindFieldsProps) {
  const { t } = useMessages();
  const { kind, errors } = props;
  return (
    <div class="grid-2">
      {kind.fields.map((field) => {
        const name = `${kind.section}.${field.name}`;
        const label = field.label(t);
        const hint = field.hint?.(t);
        return field.secret ? (
          <SecretInput name={name} label={label} {...props.secret(name)} errors={errors} hint={hint} />
        ) : (
          <Input
            name={name}
            label={label}
            type={field.type}
            inputmode={field.type === "number" ? "numeric" : undefined}
            value={props.values[field.name]}
            errors={errors}
            placeholder={field.placeholder}
            hint={hint}
          />
        );
      })}
    </div>
  );
}
