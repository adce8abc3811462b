// The frame once the shop exists: menu on the left, the shop's name on top, one page.
import {
  BellOutlined, CalendarOutlined, DashboardOutlined, IdcardOutlined, FileTextOutlined, GiftOutlined, PictureOutlined, ScanOutlined, ScheduleOutlined, SettingOutlined,
  ShoppingOutlined, TagsOutlined, TeamOutlined, ThunderboltOutlined, UserOutlined,
} from "@ant-design/icons";
import { App as AntApp, Badge, Grid, Layout, Menu, Skeleton, Tag, Typography } from "antd";
import { lazy, Suspense, useCallback, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Shop } from "../../bindings/Shop";
import { Logo } from "../../components/Logo";
import { Painted } from "../../components/Painted";
import { NavContext, type Route } from "../../nav";
import { BackupBanner } from "../data/BackupBanner";
import { useReminderEvents, useMissedCount } from "../reminders/events";

// Every other page is its own chunk, loaded when first opened: the first paint
// waits for the frame and the first page, not for all of them.
const CalendarPage = lazy(() => import("../calendar/CalendarPage").then((m) => ({ default: m.CalendarPage })));
const SchedulesPage = lazy(() => import("../schedules/SchedulesPage").then((m) => ({ default: m.SchedulesPage })));
const ContentPage = lazy(() => import("../content/ContentPage").then((m) => ({ default: m.ContentPage })));
const ReminderCentrePage = lazy(() => import("../reminders/ReminderCentrePage").then((m) => ({ default: m.ReminderCentrePage })));
// The page every start opens on comes with the frame (see App.tsx).
import { CommunitiesPage } from "../communities/CommunitiesPage";
const CommunityDetail = lazy(() => import("../communities/CommunityDetail").then((m) => ({ default: m.CommunityDetail })));
const PosterDesigner = lazy(() => import("../posters/PosterDesigner").then((m) => ({ default: m.PosterDesigner })));
const PostersPage = lazy(() => import("../posters/PostersPage").then((m) => ({ default: m.PostersPage })));
const MembersPage = lazy(() => import("../members/MembersPage").then((m) => ({ default: m.MembersPage })));
const DashboardPage = lazy(() => import("../dashboard/DashboardPage").then((m) => ({ default: m.DashboardPage })));
const DuplicatesPage = lazy(() => import("../members/DuplicatesPage").then((m) => ({ default: m.DuplicatesPage })));
const ImportPage = lazy(() => import("../imports/ImportPage").then((m) => ({ default: m.ImportPage })));
const MemberDetail = lazy(() => import("../members/MemberDetail").then((m) => ({ default: m.MemberDetail })));
const StaffPage = lazy(() => import("../staff/StaffPage").then((m) => ({ default: m.StaffPage })));
const SettingsPage = lazy(() => import("../settings/SettingsPage").then((m) => ({ default: m.SettingsPage })));
const CounterScreen = lazy(() => import("../counter/CounterScreen").then((m) => ({ default: m.CounterScreen })));
const CampaignsPage = lazy(() => import("../campaigns/CampaignsPage").then((m) => ({ default: m.CampaignsPage })));
const CampaignReport = lazy(() => import("../campaigns/CampaignReport").then((m) => ({ default: m.CampaignReport })));
const DrainageClaims = lazy(() => import("../campaigns/DrainageClaims").then((m) => ({ default: m.DrainageClaims })));
const DrainageWizard = lazy(() => import("../campaigns/DrainageWizard").then((m) => ({ default: m.DrainageWizard })));
const DrawWizard = lazy(() => import("../campaigns/DrawWizard").then((m) => ({ default: m.DrawWizard })));
const ReferralWizard = lazy(() => import("../campaigns/ReferralWizard").then((m) => ({ default: m.ReferralWizard })));
const ReferralConsole = lazy(() => import("../campaigns/ReferralConsole").then((m) => ({ default: m.ReferralConsole })));
const AllianceWizard = lazy(() => import("../campaigns/AllianceWizard").then((m) => ({ default: m.AllianceWizard })));
const AllianceConsole = lazy(() => import("../campaigns/AllianceConsole").then((m) => ({ default: m.AllianceConsole })));
const DrawConsole = lazy(() => import("../campaigns/DrawConsole").then((m) => ({ default: m.DrawConsole })));
const LadderWizard = lazy(() => import("../campaigns/LadderWizard").then((m) => ({ default: m.LadderWizard })));
const LadderSettle = lazy(() => import("../campaigns/LadderSettle").then((m) => ({ default: m.LadderSettle })));
const SpikeConsole = lazy(() => import("../campaigns/SpikeConsole").then((m) => ({ default: m.SpikeConsole })));
const SpikeWizard = lazy(() => import("../campaigns/SpikeWizard").then((m) => ({ default: m.SpikeWizard })));
const ProductsPage = lazy(() => import("../products/ProductsPage").then((m) => ({ default: m.ProductsPage })));
const GiftsPage = lazy(() => import("../gifts/GiftsPage").then((m) => ({ default: m.GiftsPage })));
const BatchDetail = lazy(() => import("../vouchers/BatchDetail").then((m) => ({ default: m.BatchDetail })));
const VouchersPage = lazy(() => import("../vouchers/VouchersPage").then((m) => ({ default: m.VouchersPage })));

const AREAS = [
  { key: "dashboard", icon: <DashboardOutlined /> },
  { key: "communities", icon: <TeamOutlined /> },
  { key: "members", icon: <IdcardOutlined /> },
  { key: "campaigns", icon: <ThunderboltOutlined /> },
  { key: "reminders", icon: <BellOutlined /> },
  { key: "calendar", icon: <CalendarOutlined /> },
  { key: "schedules", icon: <ScheduleOutlined /> },
  { key: "content", icon: <FileTextOutlined /> },
  { key: "posters", icon: <PictureOutlined /> },
  { key: "products", icon: <ShoppingOutlined /> },
  { key: "gifts", icon: <GiftOutlined /> },
  { key: "vouchers", icon: <TagsOutlined /> },
  { key: "counter", icon: <ScanOutlined /> },
  { key: "staff", icon: <UserOutlined /> },
  { key: "settings", icon: <SettingOutlined /> },
] as const;

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case "communities":
      return <CommunitiesPage />;
    case "community":
      return <CommunityDetail id={route.id} />;
    case "posters":
      return <PostersPage />;
    case "poster":
      // A new key per poster, so the designer's form starts afresh.
      return "id" in route ? <PosterDesigner key={`p${route.id}`} posterId={route.id} /> : <PosterDesigner key={`c${route.channelId}`} channelId={route.channelId} communityId={route.communityId} />;
    case "campaigns":
      return <CampaignsPage />;
    case "spike":
      // A new key per draft, so the wizard starts afresh.
      return <SpikeWizard key={`s${route.draftId ?? "new"}-${route.editId ?? ""}`} draftId={route.draftId} editId={route.editId} />;
    case "campaignReport":
      return <CampaignReport key={route.id} id={route.id} />;
    case "ladder":
      return <LadderWizard key={`l${route.draftId ?? "new"}-${route.editId ?? ""}`} draftId={route.draftId} editId={route.editId} />;
    case "ladderSettle":
      return <LadderSettle key={route.id} id={route.id} />;
    case "spikeConsole":
      return <SpikeConsole key={route.id} id={route.id} />;
    case "drainageWizard":
      return <DrainageWizard key={`d${route.draftId ?? "new"}-${route.editId ?? ""}`} draftId={route.draftId} editId={route.editId} />;
    case "drainageClaims":
      return <DrainageClaims key={route.id} id={route.id} />;
    case "drawWizard":
      return <DrawWizard key={`w${route.draftId ?? "new"}`} draftId={route.draftId} />;
    case "drawConsole":
      return <DrawConsole key={route.id} id={route.id} />;
    case "referralWizard":
      return <ReferralWizard key={`w${route.draftId ?? "new"}`} draftId={route.draftId} />;
    case "referralConsole":
      return <ReferralConsole key={route.id} id={route.id} />;
    case "allianceWizard":
      return <AllianceWizard key={`w${route.draftId ?? "new"}`} draftId={route.draftId} />;
    case "allianceConsole":
      return <AllianceConsole key={route.id} id={route.id} />;
    case "products":
      return <ProductsPage />;
    case "gifts":
      return <GiftsPage />;
    case "vouchers":
      return <VouchersPage />;
    case "batch":
      return <BatchDetail key={route.id} id={route.id} />;
    case "counter":
      return <CounterScreen />;
    case "calendar":
      return <CalendarPage key={route.day ?? ""} day={route.day} />;
    case "schedules":
      return <SchedulesPage />;
    case "content":
      return <ContentPage key={`${route.communityId ?? ""}/${route.day ?? ""}`} communityId={route.communityId} day={route.day} />;
    case "reminders":
      return <ReminderCentrePage />;
    case "dashboard":
      return <DashboardPage />;
    case "members":
      return (
        <MembersPage
          key={`${route.segment ?? ""}/${route.segmentOn ?? ""}/${route.communityId ?? ""}`}
          segment={route.segment}
          segmentOn={route.segmentOn}
          communityId={route.communityId}
        />
      );
    case "member":
      return <MemberDetail key={route.id} id={route.id} />;
    case "imports":
      return <ImportPage />;
    case "duplicates":
      return <DuplicatesPage />;
    case "staff":
      return <StaffPage />;
    case "settings":
      return <SettingsPage />;
  }
}

/** While a page's chunk loads (a blink on the first visit, nothing after). */
function PageLoading() {
  return (
    <div className="sc-page">
      <Skeleton active paragraph={{ rows: 6 }} />
    </div>
  );
}

export function AppLayout({ shop }: { shop: Shop }) {
  const { t } = useTranslation();
  // Below antd's "lg" the menu folds to its icons, and the logo goes without its name.
  const folded = !(Grid.useBreakpoint().lg ?? true);
  const { modal } = AntApp.useApp();
  const [route, setRoute] = useState<Route>({ page: "communities" });
  const guard = useRef<(() => boolean) | null>(null);
  const go = useCallback(
    (next: Route) => {
      if (!guard.current?.()) {
        setRoute(next);
        return;
      }
      void modal.confirm({
        title: t("nav.unsavedTitle"),
        content: t("nav.unsavedBody"),
        okText: t("nav.leave"),
        cancelText: t("nav.stay"),
        okButtonProps: { danger: true, ...({ "data-testid": "leave-confirm" } as object) },
        cancelButtonProps: { ...({ "data-testid": "leave-stay" } as object) },
        onOk: () => {
          guard.current = null;
          setRoute(next);
        },
      });
    },
    [modal, t],
  );
  const setLeaveGuard = useCallback((g: (() => boolean) | null) => {
    guard.current = g;
  }, []);
  const nav = useMemo(() => ({ route, go, setLeaveGuard }), [route, go, setLeaveGuard]);
  // A clicked notification or the tray's "Today's list" opens its page here.
  useReminderEvents(go);
  const missed = useMissedCount();
  const selected = route.page === "community" ? "communities" : route.page === "poster" ? "posters" : route.page === "batch" ? "vouchers" : route.page === "member" || route.page === "imports" || route.page === "duplicates" ? "members" : ["spike", "spikeConsole", "ladder", "ladderSettle", "drainageWizard", "drainageClaims", "drawWizard", "drawConsole", "referralWizard", "referralConsole", "allianceWizard", "allianceConsole", "campaignReport"].includes(route.page) ? "campaigns" : route.page;

  // The counter takes the whole window: nothing to click by mistake, nothing
  // for a scanner to type into but the code box.
  if (route.page === "counter") {
    return (
      <NavContext.Provider value={nav}>
        <div data-testid="app-ready">
          <Suspense fallback={<PageLoading />}>
            <CounterScreen />
          </Suspense>
        </div>
      </NavContext.Provider>
    );
  }

  return (
    <NavContext.Provider value={nav}>
      <Layout style={{ minHeight: "100vh" }} data-testid="app-ready">
        {/* The menu stays in view however long the page: the sider is sticky and scrolls on its own. */}
        <Layout.Sider
          width={220}
          breakpoint="lg"
          collapsedWidth={72}
          theme="light"
          style={{ borderRight: "1px solid #eceee8", position: "sticky", top: 0, height: "100vh", overflowY: "auto" }}
        >
          <div style={{ height: 64, display: "flex", alignItems: "center", padding: "0 20px", overflow: "hidden" }}>
            <Logo withName={!folded} size={30} />
          </div>
          <Menu
            mode="inline"
            aria-label={t("nav.menu")}
            selectedKeys={[selected]}
            style={{ borderInlineEnd: "none", padding: "8px 8px" }}
            onClick={({ key }) => go({ page: key as (typeof AREAS)[number]["key"] })}
            items={AREAS.map((a) => ({
              key: a.key,
              icon: a.icon,
              label: (
                <span data-testid={`nav-${a.key}`}>
                  {t(`nav.${a.key}`)}
                  {a.key === "reminders" && missed > 0 && (
                    <Badge count={missed} size="small" style={{ marginInlineStart: 8 }} data-testid="missed-badge" />
                  )}
                </span>
              ),
            }))}
          />
        </Layout.Sider>
        <Layout>
          <Layout.Header
            style={{ display: "flex", alignItems: "center", gap: 12, padding: "0 32px", borderBottom: "1px solid #eceee8", height: 64 }}
          >
            {/* The shop's name, not a heading: each page's title is its one level-one heading. */}
            <Typography.Text strong style={{ fontSize: 18 }} data-testid="shop-name">
              {shop.name}
            </Typography.Text>
            {shop.industry && <Tag bordered={false} color="green">{shop.industry}</Tag>}
          </Layout.Header>
          <Layout.Content style={{ overflow: "auto" }}>
            <BackupBanner />
            <Suspense fallback={<PageLoading />}>
              <Page route={route} />
              <Painted />
            </Suspense>
          </Layout.Content>
        </Layout>
      </Layout>
    </NavContext.Provider>
  );
}
