// A searchable list of the IANA zones the system knows.
import { Select } from "antd";
import { useMemo } from "react";

function zones(current?: string): string[] {
  let list: string[] = [];
  try {
    list = Intl.supportedValuesOf("timeZone");
  } catch {
    list = ["Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei", "Asia/Singapore", "Europe/London", "America/New_York", "UTC"];
  }
  if (current && !list.includes(current)) list = [current, ...list];
  return list;
}

/** `id` comes from the Form.Item, so the field's label names the box. */
type Props = { id?: string; value?: string; onChange?: (v: string) => void; placeholder?: string; testId?: string };

export function TimeZoneSelect({ id, value, onChange, placeholder, testId }: Props) {
  const options = useMemo(() => zones(value).map((z) => ({ value: z, label: z.replace(/_/g, " ") })), [value]);
  return (
    <Select
      id={id}
      showSearch
      value={value}
      onChange={onChange}
      placeholder={placeholder}
      options={options}
      data-testid={testId}
      optionFilterProp="label"
      filterOption={(input, option) =>
        String(option?.value ?? "").toLowerCase().includes(input.toLowerCase().replace(/ /g, "_"))
      }
    />
  );
}
