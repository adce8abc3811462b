// Providers (query cache, antd theme and locale, language) and the choice between
// the welcome screen and the main layout.
import { Suspense, useCallback, useLayoutEffect, useMemo, useState } from "react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { App as AntApp, Button, ConfigProvider, Result, Spin } from "antd";
import { useTranslation } from "react-i18next";
import i18n, { antdLocale, applyLanguage } from "./i18n";
import type { Lang } from "./bindings/Lang";
import { toErrorPayload } from "./ipc";
import { SetLangContext } from "./lang";
import { Painted } from "./components/Painted";
import { useReducedMotion } from "./components/reducedMotion";
import { useAppInfo } from "./queries";
import { theme } from "./theme";
// The first screen (the welcome, or the frame with the communities page) is in
// the main chunk: measured with scripts/measure-startup.sh, loading it as
// chunks of its own painted later (a chain of module fetches), not sooner.
import { Welcome } from "./features/welcome/Welcome";
import { AppLayout } from "./features/layout/AppLayout";
import { DataProblemScreen, useDataProblem } from "./features/data/DataProblemScreen";

export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}

/** Theme, locale and the language switch around any part of the UI (tests use it too). */
export function Providers({ lang, setLang, children }: { lang: Lang; setLang: (l: Lang) => void; children: React.ReactNode }) {
  // Before paint, so a language change never flashes the old strings.
  useLayoutEffect(() => {
    if (i18n.language !== lang || document.title !== i18n.t("app.title")) applyLanguage(lang);
  }, [lang]);
  const still = useReducedMotion();
  const themed = useMemo(() => (still ? { ...theme, token: { ...theme.token, motion: false } } : theme), [still]);
  return (
    <SetLangContext.Provider value={setLang}>
      <ConfigProvider locale={antdLocale(lang)} theme={themed} button={{ autoInsertSpace: false }}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </SetLangContext.Provider>
  );
}

function Root() {
  const info = useAppInfo();
  const [chosen, setChosen] = useState<Lang | null>(null);
  const lang: Lang = chosen ?? info.data?.shop?.language ?? info.data?.system_language ?? "en";
  const setLang = useCallback((l: Lang) => {
    applyLanguage(l);
    setChosen(l);
  }, []);
  return (
    <Providers lang={lang} setLang={setLang}>
      <Screen info={info} />
    </Providers>
  );
}

function Loading() {
  const { t } = useTranslation();
  return (
    <div style={{ height: "100vh", display: "grid", placeItems: "center" }}>
      <Spin size="large" tip={t("app.loading")}>
        <div style={{ width: 200, height: 80 }} />
      </Spin>
    </div>
  );
}

function Screen({ info }: { info: ReturnType<typeof useAppInfo> }) {
  const { t } = useTranslation();
  // Asked only when the shop could not be read: why, and which backup could replace it.
  const problem = useDataProblem(info.isError);
  // A local read of a few milliseconds: the frame's outline from index.html
  // stays on the glass meanwhile (a spinner would only flash).
  if (info.isPending) return null;
  if (info.isError && problem.data) {
    return (
      <>
        <Painted />
        <DataProblemScreen problem={problem.data} fallback={null} />
      </>
    );
  }
  if (info.isError) {
    return (
      <>
        <Painted />
        <Result
        status="error"
        title={t("app.loadFailed")}
        subTitle={toErrorPayload(info.error).message}
          extra={<Button onClick={() => info.refetch()}>{t("app.retry")}</Button>}
        />
      </>
    );
  }
  return (
    <Suspense fallback={<Loading />}>
      {info.data.shop ? <AppLayout shop={info.data.shop} /> : <Welcome info={info.data} />}
      {!info.data.shop && <Painted />}
    </Suspense>
  );
}

export default function App() {
  const [client] = useState(makeQueryClient);
  return (
    <QueryClientProvider client={client}>
      <Root />
    </QueryClientProvider>
  );
}
