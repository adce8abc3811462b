// A text box's limit is the core's (bindings/limits.ts), counted as the core
// counts (characters, not UTF-16 units). The box shows a counter once the text
// nears the limit and turns red past it; it never cuts what was typed or
// pasted — the rule refuses it at the field instead.
import type { InputProps } from "antd";
import type { Rule } from "antd/es/form";
import type { TFunction } from "i18next";

export const countChars = (s: string) => [...s].length;

/** Props for an Input or TextArea with a counter near `max`. */
export function limited(max: number): Pick<InputProps, "count"> {
  return {
    count: {
      max,
      strategy: countChars,
      show: ({ count }) => (count >= Math.floor(max * 0.8) ? `${count} / ${max}` : null),
    },
  };
}

/** The rule that refuses more than `max` characters. */
export function lengthRule(t: TFunction, max: number): Rule {
  return {
    validator: async (_, value: unknown) => {
      if (typeof value === "string" && countChars(value) > max) {
        throw new Error(t("numbers.tooLong", { max, count: countChars(value) }));
      }
    },
  };
}
