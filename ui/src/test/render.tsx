// Renders a screen the way the app does: query cache, antd locale and theme, language, navigation.
import { QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { makeQueryClient, Providers } from "../App";
import type { Lang } from "../bindings/Lang";
import { applyLanguage } from "../i18n";
import { NavContext, type Route } from "../nav";

export function renderScreen(ui: React.ReactNode, { lang = "en" as Lang, route = { page: "communities" } as Route } = {}) {
  applyLanguage(lang);
  const client = makeQueryClient();
  const go = vi.fn();
  function Harness() {
    const [l, setL] = useState<Lang>(lang);
    return (
      <QueryClientProvider client={client}>
        <Providers lang={l} setLang={setL}>
          <NavContext.Provider value={{ route, go, setLeaveGuard: () => {} }}>{ui}</NavContext.Provider>
        </Providers>
      </QueryClientProvider>
    );
  }
  const user = userEvent.setup();
  return { ...render(<Harness />), user, go, client };
}
