// "Pick one" and "pick at least one" for selects. Validators, not `required`:
// with `required` antd puts aria-required on the select's wrapper, where ARIA
// does not allow it (axe-core counts that as critical).
import type { Rule } from "antd/es/form";

export function chosen(message: string): Rule {
  return {
    validator: async (_, value: unknown) => {
      if (value === undefined || value === null) throw new Error(message);
    },
  };
}

export function chosenSome(message: string): Rule {
  return {
    validator: async (_, value: unknown) => {
      if (!Array.isArray(value) || value.length === 0) throw new Error(message);
    },
  };
}
