import Form from "next/form";

import { Button } from "./button";
import { Field } from "./field";
import { Select } from "./input";

/**
 * A one-question GET form: pick one of `options` and go to `action` with it as `name` (with any
 * `keep` parameters carried along), as a link would, so the choice is in the address.
 */
export function ChooseForm({
  action,
  name,
  label,
  options,
  value,
  placeholder,
  submit,
  keep = {},
}: {
  action: string;
  name: string;
  label: string;
  options: { value: string; label: string }[];
  value?: string;
  /** a first, empty choice (and then one must be made) */
  placeholder?: string;
  submit: string;
  keep?: Record<string, string>;
}) {
  return (
    <Form action={action} className="no-print mb-4 flex flex-wrap items-end gap-2 text-sm">
      <ChoiceField name={name} label={label} options={options} value={value} placeholder={placeholder} />
      {Object.entries(keep).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <Button type="submit" variant="secondary">
        {submit}
      </Button>
    </Form>
  );
}

/** A labelled list of choices for a GET form; with `placeholder`, an empty first choice and one must be made. */
export function ChoiceField({
  name,
  label,
  options,
  value,
  placeholder,
}: {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  value?: string;
  placeholder?: string;
}) {
  return (
    <Field label={label} className="min-w-0 max-w-full">
      <Select
        name={name}
        defaultValue={value ?? ""}
        layout="stacked"
        className="w-full max-w-full"
        required={placeholder !== undefined}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}
