// Typed wrappers around the Rust commands. Argument names are camelCase here;
// Tauri maps them to the snake_case parameters of each #[tauri::command].
import { invoke } from "@tauri-apps/api/core";
import type { AppInfo } from "./bindings/AppInfo";
import type { Channel } from "./bindings/Channel";
import type { ChannelInput } from "./bindings/ChannelInput";
import type { ExpiringQr } from "./bindings/ExpiringQr";
import type { QrKind } from "./bindings/QrKind";
import type { OutputFormat } from "./bindings/OutputFormat";
import type { Poster } from "./bindings/Poster";
import type { PosterInput } from "./bindings/PosterInput";
import type { PosterOutput } from "./bindings/PosterOutput";
import type { PosterPreview } from "./bindings/PosterPreview";
import type { QrReplaced } from "./bindings/QrReplaced";
import type { Community } from "./bindings/Community";
import type { CommunityInput } from "./bindings/CommunityInput";
import type { ErrorPayload } from "./bindings/ErrorPayload";
import type { HealthCheck } from "./bindings/HealthCheck";
import type { Lang } from "./bindings/Lang";
import type { MemberCount } from "./bindings/MemberCount";
import type { RuleTemplate } from "./bindings/RuleTemplate";
import type { Shop } from "./bindings/Shop";
import type { ShopInput } from "./bindings/ShopInput";
import type { Staff } from "./bindings/Staff";
import type { ConsentMethod } from "./bindings/ConsentMethod";
import type { Member } from "./bindings/Member";
import type { MemberFilter } from "./bindings/MemberFilter";
import type { MemberInput } from "./bindings/MemberInput";
import type { MemberPage } from "./bindings/MemberPage";
import type { Purchase } from "./bindings/Purchase";
import type { ImportBatch } from "./bindings/ImportBatch";
import type { Dashboard } from "./bindings/Dashboard";
import type { DuplicatePair } from "./bindings/DuplicatePair";
import type { MemberMerge } from "./bindings/MemberMerge";
import type { ExportRecord } from "./bindings/ExportRecord";
import type { RuleEvent } from "./bindings/RuleEvent";
import type { RuleEventInput } from "./bindings/RuleEventInput";
import type { ChannelFigures } from "./bindings/ChannelFigures";
import type { RfmThresholds } from "./bindings/RfmThresholds";
import type { JoinInput } from "./bindings/JoinInput";
import type { DashboardQuery } from "./bindings/DashboardQuery";
import type { ImportOptions } from "./bindings/ImportOptions";
import type { ImportPreview } from "./bindings/ImportPreview";
import type { PurchaseFilter } from "./bindings/PurchaseFilter";
import type { PurchaseInput } from "./bindings/PurchaseInput";
import type { StaffInput } from "./bindings/StaffInput";
import type { Batch } from "./bindings/Batch";
import type { BatchInput } from "./bindings/BatchInput";
import type { Gift } from "./bindings/Gift";
import type { GiftInput } from "./bindings/GiftInput";
import type { RedeemInput } from "./bindings/RedeemInput";
import type { Redemption } from "./bindings/Redemption";
import type { StockChange } from "./bindings/StockChange";
import type { StockMove } from "./bindings/StockMove";
import type { Applied } from "./bindings/Applied";
import type { Campaign } from "./bindings/Campaign";
import type { Cancelled } from "./bindings/Cancelled";
import type { CostPolicy } from "./bindings/CostPolicy";
import type { LadderApplied } from "./bindings/LadderApplied";
import type { Claims } from "./bindings/Claims";
import type { DrainageApplied } from "./bindings/DrainageApplied";
import type { DrainageInput } from "./bindings/DrainageInput";
import type { DrainagePlan } from "./bindings/DrainagePlan";
import type { AllianceApplied } from "./bindings/AllianceApplied";
import type { AllianceConsole } from "./bindings/AllianceConsole";
import type { AllianceInput } from "./bindings/AllianceInput";
import type { AlliancePlan } from "./bindings/AlliancePlan";
import type { Partner } from "./bindings/Partner";
import type { PartnerInput } from "./bindings/PartnerInput";
import type { PartnerSettlement } from "./bindings/PartnerSettlement";
import type { FriendCardCheck } from "./bindings/FriendCardCheck";
import type { FriendInput } from "./bindings/FriendInput";
import type { ReferralApplied } from "./bindings/ReferralApplied";
import type { ReferralBoard } from "./bindings/ReferralBoard";
import type { ReferralConsole } from "./bindings/ReferralConsole";
import type { ReferralInput } from "./bindings/ReferralInput";
import type { ReferralPlan } from "./bindings/ReferralPlan";
import type { Welcomed } from "./bindings/Welcomed";
import type { DrawApplied } from "./bindings/DrawApplied";
import type { DrawConsole } from "./bindings/DrawConsole";
import type { DrawInput } from "./bindings/DrawInput";
import type { DrawPlan } from "./bindings/DrawPlan";
import type { LadderInput } from "./bindings/LadderInput";
import type { LadderPlan } from "./bindings/LadderPlan";
import type { Report } from "./bindings/Report";
import type { Settlement } from "./bindings/Settlement";
import type { BuyerInput } from "./bindings/BuyerInput";
import type { Console } from "./bindings/Console";
import type { Recorded } from "./bindings/Recorded";
import type { SpikeInput } from "./bindings/SpikeInput";
import type { SpikePlan } from "./bindings/SpikePlan";
import type { Status } from "./bindings/Status";
import type { PriceChange } from "./bindings/PriceChange";
import type { Product } from "./bindings/Product";
import type { ProductInput } from "./bindings/ProductInput";
import type { Undone } from "./bindings/Undone";
import type { VoucherInfo } from "./bindings/VoucherInfo";
import type { VoucherPreview } from "./bindings/VoucherPreview";
import type { VoucherEvent } from "./bindings/VoucherEvent";
import type { VoucherRow } from "./bindings/VoucherRow";
import type { CalendarOccurrence } from "./bindings/CalendarOccurrence";
import type { ContentInput } from "./bindings/ContentInput";
import type { ContentItem } from "./bindings/ContentItem";
import type { OccurrenceState } from "./bindings/OccurrenceState";
import type { ReminderCentre } from "./bindings/ReminderCentre";
import type { Schedule } from "./bindings/Schedule";
import type { ScheduleInput } from "./bindings/ScheduleInput";
import type { TopicIdea } from "./bindings/TopicIdea";
import type { About } from "./bindings/About";
import type { Backup } from "./bindings/Backup";
import type { BackupStatus } from "./bindings/BackupStatus";
import type { DataProblem } from "./bindings/DataProblem";
import type { Restored } from "./bindings/Restored";
import type { ShopFile } from "./bindings/ShopFile";
import type { Verified } from "./bindings/Verified";

/** Every rejected command becomes an ErrorPayload, whatever shape it arrived in
 * (anything not from the backend is an internal error). */
export function toErrorPayload(e: unknown): ErrorPayload {
  if (e && typeof e === "object" && "message" in e) {
    const o = e as Partial<ErrorPayload> & { message: unknown };
    return { code: o.code ?? "internal", message: String(o.message), field: o.field ?? null };
  }
  return { code: "internal", message: typeof e === "string" ? e : String(e), field: null };
}

async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    throw toErrorPayload(e);
  }
}

export const ipc = {
  appInfo: () => call<AppInfo>("app_info"),
  uiPainted: (firstPaintAgoMs: number | null) => call<null>("ui_painted", { firstPaintAgoMs }),
  setUpShop: (input: ShopInput) => call<Shop>("set_up_shop", { input }),
  createSampleShop: (language: Lang, timeZone: string) =>
    call<Shop>("create_sample_shop", { language, timeZone }),
  updateShop: (input: ShopInput) => call<Shop>("update_shop", { input }),

  listCommunities: (includeArchived: boolean) =>
    call<Community[]>("list_communities", { includeArchived }),
  getCommunity: (id: number) => call<Community>("get_community", { id }),
  createCommunity: (input: CommunityInput) => call<Community>("create_community", { input }),
  updateCommunity: (id: number, input: CommunityInput) =>
    call<Community>("update_community", { id, input }),
  archiveCommunity: (id: number) => call<Community>("archive_community", { id }),
  restoreCommunity: (id: number) => call<Community>("restore_community", { id }),
  ruleTemplates: (language: Lang) => call<RuleTemplate[]>("rule_templates", { language }),
  communityHealth: (id: number) => call<HealthCheck>("community_health", { id }),

  /** A page of the members that match, phones masked, with how many match in all. */
  listMembers: (filter: MemberFilter) => call<MemberPage>("list_members", { filter }),
  /** One member's page: the only place the whole phone number shows. */
  getMember: (id: number) => call<Member>("get_member", { id }),
  createMember: (input: MemberInput) => call<Member>("create_member", { input }),
  /** `method` given: marketing consent recorded; null: withdrawn. */
  setMemberMarketing: (id: number, method: ConsentMethod | null, recordedBy?: string) =>
    call<Member>("set_member_marketing", { id, method, recordedBy: recordedBy ?? null }),
  /** Records a sale; a voucher code given with it is redeemed in the same step (or linked, when just redeemed). */
  recordPurchase: (input: PurchaseInput) => call<Purchase>("record_purchase", { input }),
  refundPurchase: (id: number, amountCents: number, reason: string, staff?: string) =>
    call<Purchase>("refund_purchase", { id, amountCents, reason, staff: staff ?? null }),
  /** Newest first. */
  listPurchases: (filter: PurchaseFilter) => call<Purchase[]>("list_purchases", { filter }),
  /** What importing the file (its bytes as base64) would do, row by row. Writes nothing. */
  previewImport: (fileName: string, data: string, options: ImportOptions) => call<ImportPreview>("preview_import", { fileName, data, options }),
  /** Writes what the preview shows as new, less the unticked rows, in one step. */
  commitImport: (fileName: string, data: string, options: ImportOptions) => call<ImportBatch>("commit_import", { fileName, data, options }),
  undoImport: (id: number) => call<ImportBatch>("undo_import", { id }),
  listImports: () => call<ImportBatch[]>("list_imports", {}),
  /** The period's key figures against the period before, and the funnel of who joined in it. */
  dashboard: (query: DashboardQuery) => call<Dashboard>("dashboard", { query }),
  listRuleEvents: (communityId: number) => call<RuleEvent[]>("list_rule_events", { communityId }),
  /** A warning or a removal (which ends the membership there). */
  recordRuleEvent: (communityId: number, input: RuleEventInput) => call<RuleEvent>("record_rule_event", { communityId, input }),
  /** Today in the shop's calendar by the app's clock. */
  shopToday: () => call<string>("shop_today"),
  /** Each channel of the community since it began: joins, first purchases, sales, gift cost per buyer. */
  channelFigures: (communityId: number) => call<ChannelFigures[]>("channel_figures", { communityId }),
  rfmThresholds: () => call<RfmThresholds>("rfm_thresholds"),
  setRfmThresholds: (thresholds: RfmThresholds) => call<RfmThresholds>("set_rfm_thresholds", { thresholds }),
  /** Adds the member to another community, through a channel and staff account when known. */
  joinMemberCommunity: (id: number, join: JoinInput) => call<Member>("join_member_community", { id, join }),
  leaveMemberCommunity: (membershipId: number) => call<Member>("leave_member_community", { membershipId }),
  /** Probable duplicates for the owner to judge; nothing is merged by listing. */
  listMemberDuplicates: () => call<DuplicatePair[]>("list_member_duplicates"),
  listMemberMerges: () => call<MemberMerge[]>("list_member_merges"),
  mergeMembers: (keptId: number, mergedId: number) => call<Member>("merge_members", { keptId, mergedId }),
  undoMemberMerge: (mergeId: number) => call<Member>("undo_member_merge", { mergeId }),
  /** Erases the member's personal data on request; their purchases stay as anonymous sales. */
  eraseMember: (id: number) => call<null>("erase_member", { id }),
  /** Everything kept about the member, as JSON where the owner picks; the path, or null when cancelled. */
  exportMember: (id: number) => call<string | null>("export_member", { id }),
  /** The members matching `filter` (all pages) as CSV; the path, or null when cancelled. */
  exportMembersCsv: (filter: MemberFilter, maskPhones: boolean) => call<string | null>("export_members_csv", { filter, maskPhones }),
  exportPurchasesCsv: (filter: PurchaseFilter, maskPhones: boolean) => call<string | null>("export_purchases_csv", { filter, maskPhones }),
  listExports: () => call<ExportRecord[]>("list_exports"),
  about: () => call<About>("about"),
  diagnostics: () => call<string>("diagnostics"),
  backupStatus: () => call<BackupStatus>("backup_status"),
  backUpNow: () => call<Backup>("back_up_now"),
  verifyBackup: (path: string) => call<Verified>("verify_backup", { path }),
  restoreBackup: (path: string) => call<Restored>("restore_backup", { path }),
  pickBackupFile: () => call<string | null>("pick_backup_file"),
  pickShopFile: () => call<string | null>("pick_shop_file"),
  chooseBackupFolder: () => call<string | null>("choose_backup_folder"),
  setBackupFolder: (folder: string | null) => call<string | null>("set_backup_folder", { folder }),
  openAppFolder: (which: "data" | "backups" | "second" | "logs") => call<void>("open_app_folder", { which }),
  exportWholeShop: (passphrase: string) => call<string | null>("export_whole_shop", { passphrase }),
  readWholeShop: (path: string, passphrase: string) => call<ShopFile>("read_whole_shop", { path, passphrase }),
  importWholeShop: (path: string, passphrase: string) => call<Restored>("import_whole_shop", { path, passphrase }),
  dataProblem: () => call<DataProblem | null>("data_problem"),
  startEmptyShop: () => call<void>("start_empty_shop"),
  /** The members' privacy notice (Chinese and English) opened in the system's viewer to print. */
  printMemberNotice: () => call<null>("print_member_notice"),
  listStaff: (includeArchived: boolean) => call<Staff[]>("list_staff", { includeArchived }),
  createStaff: (input: StaffInput) => call<Staff>("create_staff", { input }),
  updateStaff: (id: number, input: StaffInput) => call<Staff>("update_staff", { id, input }),
  setStaffArchived: (id: number, archived: boolean) =>
    call<Staff>("set_staff_archived", { id, archived }),

  listMemberCounts: (communityId: number) =>
    call<MemberCount[]>("list_member_counts", { communityId }),
  recordMemberCount: (communityId: number, day: string, count: number) =>
    call<MemberCount>("record_member_count", { communityId, day, count }),

  listChannels: (communityId: number) => call<Channel[]>("list_channels", { communityId }),
  createChannel: (communityId: number, input: ChannelInput) =>
    call<Channel>("create_channel", { communityId, input }),
  /** `image` is the file's bytes as base64; the backend reads the QR code in it.
   * The answer lists the poster files made again with the new code. */
  importQr: (channelId: number, kind: QrKind, image: string) =>
    call<QrReplaced>("import_qr", { channelId, kind, image, staffId: null, madeOn: null }),
  setQrLink: (channelId: number, link: string) => call<QrReplaced>("set_qr_link", { channelId, link }),
  expiringQrs: () => call<ExpiringQr[]>("expiring_qrs"),

  listPosters: (channelId: number | null) => call<Poster[]>("list_posters", { channelId }),
  getPoster: (id: number) => call<Poster>("get_poster", { id }),
  posterHistory: (id: number) => call<PosterOutput[]>("poster_history", { id }),
  /** `logo` is an image as base64, or null for none. */
  createPoster: (channelId: number, input: PosterInput, logo: string | null) =>
    call<Poster>("create_poster", { channelId, input, logo }),
  updatePoster: (id: number, input: PosterInput, logo: string | null, removeLogo: boolean) =>
    call<Poster>("update_poster", { id, input, logo, removeLogo }),
  archivePoster: (id: number) => call<null>("archive_poster", { id }),
  previewPoster: (channelId: number, input: PosterInput, posterId: number | null, logo: string | null, removeLogo: boolean) =>
    call<PosterPreview>("preview_poster", { channelId, input, posterId, logo, removeLogo }),
  /** Opens the system's save dialog; null when the owner cancelled. */
  exportPoster: (id: number, format: OutputFormat, dpi: number) =>
    call<Poster | null>("export_poster", { id, format, dpi }),
  printPoster: (id: number) => call<Poster>("print_poster", { id }),
  revealPosterFile: (outputId: number) => call<null>("reveal_poster_file", { outputId }),

  listGifts: (includeArchived: boolean) => call<Gift[]>("list_gifts", { includeArchived }),
  /** Gifts at or below their warning level, archived ones left out. */
  lowStockGifts: () => call<Gift[]>("low_stock_gifts"),
  createGift: (input: GiftInput, stock: number) => call<Gift>("create_gift", { input, stock }),
  updateGift: (id: number, input: GiftInput) => call<Gift>("update_gift", { id, input }),
  changeGiftStock: (id: number, change: StockChange, note: string) =>
    call<Gift>("change_gift_stock", { id, change, note }),
  setGiftArchived: (id: number, archived: boolean) => call<Gift>("set_gift_archived", { id, archived }),
  /** Newest first. */
  giftMoves: (id: number) => call<StockMove[]>("gift_moves", { id }),
  listProducts: (includeArchived: boolean) => call<Product[]>("list_products", { includeArchived }),
  /** `photo`: a PNG or JPEG as base64, saved with the product. */
  createProduct: (input: ProductInput, photo: string | null) => call<Product>("create_product", { input, photo }),
  /** `photo` replaces the photo; `removePhoto` drops it; neither keeps it. */
  updateProduct: (id: number, input: ProductInput, photo: string | null, removePhoto: boolean) =>
    call<Product>("update_product", { id, input, photo, removePhoto }),
  setProductArchived: (id: number, archived: boolean) => call<Product>("set_product_archived", { id, archived }),
  productPrices: (id: number) => call<PriceChange[]>("product_prices", { id }),
  productPhoto: (id: number) => call<string | null>("product_photo", { id }),
  /** The plan the wizard's review shows: everything a flash sale would create, and every check. Writes nothing. */
  previewSpike: (input: SpikeInput) => call<SpikePlan>("preview_spike", { input }),
  saveSpikeDraft: (id: number | null, input: SpikeInput) => call<number>("save_spike_draft", { id, input }),
  spikeDraft: (id: number) => call<SpikeInput>("spike_draft", { id }),
  discardCampaignDraft: (id: number) => call<null>("discard_campaign_draft", { id }),
  /** Creates what the plan shows, in one step; publishes draft `draftId` when given. */
  createSpike: (input: SpikeInput, draftId: number | null) => call<Applied>("create_spike", { input, draftId }),
  listCampaigns: (status: Status | null) => call<Campaign[]>("list_campaigns", { status }),
  cancelCampaign: (id: number, reason: string) => call<Cancelled>("cancel_campaign", { id, reason }),
  /** The flash-sale console on a session, or the one running (else the next). */
  spikeConsole: (id: number, sessionId: number | null) => call<Console>("spike_console", { id, sessionId }),
  recordSpikeBuyers: (sessionId: number, buyers: BuyerInput[]) => call<Recorded>("record_spike_buyers", { sessionId, buyers }),
  /** The group's 接龙 as pasted: only lines not recorded before are added. */
  recordSpikePaste: (sessionId: number, text: string) => call<Recorded>("record_spike_paste", { sessionId, text }),
  undoSpikeBuyer: (sessionId: number) => call<Console>("undo_spike_buyer", { sessionId }),
  /** The plan the gift-package wizard's review shows; writes nothing. */
  previewLadder: (input: LadderInput) => call<LadderPlan>("preview_ladder", { input }),
  saveLadderDraft: (id: number | null, input: LadderInput) => call<number>("save_ladder_draft", { id, input }),
  ladderDraft: (id: number) => call<LadderInput>("ladder_draft", { id }),
  createLadder: (input: LadderInput, draftId: number | null) => call<LadderApplied>("create_ladder", { input, draftId }),
  /** A session's stored settlement: the last that started, or `day`. */
  ladderSettlement: (id: number, day: string | null) => call<Settlement>("ladder_settlement", { id, day }),
  /** Settles the session from the pasted 接龙, replacing an earlier settlement of it. */
  settleLadder: (id: number, day: string | null, text: string) => call<Settlement>("settle_ladder", { id, day, text }),
  /** The flash sale's poster as it will print; nothing is saved. */
  previewSpikePoster: (input: SpikeInput) => call<PosterPreview>("preview_spike_poster", { input }),
  /** The gift-package day's poster as it will print; nothing is saved. */
  previewLadderPoster: (input: LadderInput) => call<PosterPreview>("preview_ladder_poster", { input }),
  /** A published campaign's choices, for the wizard to reopen on before it starts. */
  spikeForEdit: (id: number) => call<SpikeInput>("spike_for_edit", { id }),
  /** The plan an edit would write (its locked terms checked); writes nothing. */
  previewSpikeEdit: (id: number, input: SpikeInput) => call<SpikePlan>("preview_spike_edit", { id, input }),
  /** Replaces what the published campaign made with the new plan, in one step. */
  editSpike: (id: number, input: SpikeInput) => call<Applied>("edit_spike", { id, input }),
  ladderForEdit: (id: number) => call<LadderInput>("ladder_for_edit", { id }),
  previewLadderEdit: (id: number, input: LadderInput) => call<LadderPlan>("preview_ladder_edit", { id, input }),
  editLadder: (id: number, input: LadderInput) => call<LadderApplied>("edit_ladder", { id, input }),
  drainageForEdit: (id: number) => call<DrainageInput>("drainage_for_edit", { id }),
  previewDrainageEdit: (id: number, input: DrainageInput) => call<DrainagePlan>("preview_drainage_edit", { id, input }),
  editDrainage: (id: number, input: DrainageInput) => call<DrainageApplied>("edit_drainage", { id, input }),
  /** The plan the welcome-gift wizard's review shows; writes nothing. */
  previewDrainage: (input: DrainageInput) => call<DrainagePlan>("preview_drainage", { input }),
  saveDrainageDraft: (id: number | null, input: DrainageInput) => call<number>("save_drainage_draft", { id, input }),
  drainageDraft: (id: number) => call<DrainageInput>("drainage_draft", { id }),
  createDrainage: (input: DrainageInput, draftId: number | null) => call<DrainageApplied>("create_drainage", { input, draftId }),
  /** Every welcome-gift campaign running now, with its claims: the counter chooses from them. */
  runningDrainage: () => call<Claims[]>("running_drainage"),
  drainageClaims: (id: number) => call<Claims>("drainage_claims", { id }),
  /** Once per mobile number per campaign; the gift leaves the shelf (or a next-visit voucher is named to them). */
  claimDrainageGift: (id: number, phone: string, channelId: number | null) => call<Claims>("claim_drainage_gift", { id, phone, channelId }),
  undoDrainageClaim: (id: number) => call<Claims>("undo_drainage_claim", { id }),
  /** The lucky draw's plan (the urn's cost against the budget, the announcement); writes nothing. */
  previewDraw: (input: DrawInput) => call<DrawPlan>("preview_draw", { input }),
  saveDrawDraft: (id: number | null, input: DrawInput) => call<number>("save_draw_draft", { id, input }),
  drawDraft: (id: number) => call<DrawInput>("draw_draft", { id }),
  createDraw: (input: DrawInput, draftId: number | null) => call<DrawApplied>("create_draw", { input, draftId }),
  drawConsole: (id: number) => call<DrawConsole>("draw_console", { id }),
  /** Freezes the list (from its freeze time on): the two hashes to post. */
  freezeDraw: (id: number) => call<DrawConsole>("freeze_draw", { id }),
  /** Draws with the public value typed (from the draw time on); once, for good. */
  runDraw: (id: number, publicValue: string) => call<DrawConsole>("run_draw", { id, publicValue }),
  /** The self-contained verifier page with the published file inside. */
  drawVerifierPage: (id: number) => call<string>("draw_verifier_page", { id }),
  /** Asks where, then saves the published file (or the verifier page); the path, or null. */
  saveDrawResult: (id: number, page: boolean) => call<string | null>("save_draw_result", { id, page }),
  /** The referral day's plan (the offer, the promotion days, the announcement); writes nothing. */
  previewReferral: (input: ReferralInput) => call<ReferralPlan>("preview_referral", { input }),
  saveReferralDraft: (id: number | null, input: ReferralInput) => call<number>("save_referral_draft", { id, input }),
  referralDraft: (id: number) => call<ReferralInput>("referral_draft", { id }),
  createReferral: (input: ReferralInput, draftId: number | null) => call<ReferralApplied>("create_referral", { input, draftId }),
  referralConsole: (id: number) => call<ReferralConsole>("referral_console", { id }),
  /** What a presented friend card offers today; refused with the reason (a typo, no referral day). */
  checkFriendCard: (code: string) => call<FriendCardCheck>("check_friend_card", { code }),
  /** The friend becomes a member, gets the welcome, and the referral waits for their first purchase. */
  welcomeFriend: (input: FriendInput) => call<Welcomed>("welcome_friend", { input }),
  referralBoard: (month: string) => call<ReferralBoard>("referral_board", { month }),
  friendCardPreview: (memberId: number) => call<VoucherPreview>("friend_card_preview", { memberId }),
  /** Asks where, then saves a member's card (PNG) or every consenting member's (PDF); the path, or null. */
  saveFriendCards: (memberId: number | null) => call<string | null>("save_friend_cards", { memberId }),
  listPartners: () => call<Partner[]>("list_partners"),
  /** Adds a partner store: it becomes a channel of its community. */
  addPartner: (input: PartnerInput) => call<Partner>("add_partner", { input }),
  /** The alliance's plan (each partner's batch and poster, the post); writes nothing. */
  previewAlliance: (input: AllianceInput) => call<AlliancePlan>("preview_alliance", { input }),
  saveAllianceDraft: (id: number | null, input: AllianceInput) => call<number>("save_alliance_draft", { id, input }),
  allianceDraft: (id: number) => call<AllianceInput>("alliance_draft", { id }),
  createAlliance: (input: AllianceInput, draftId: number | null) => call<AllianceApplied>("create_alliance", { input, draftId }),
  allianceConsole: (id: number) => call<AllianceConsole>("alliance_console", { id }),
  partnerSettlement: (id: number, month: string) => call<PartnerSettlement>("partner_settlement", { id, month }),
  /** Asks where, then saves a partner's month as a PDF sheet (or CSV); the path, or null. */
  savePartnerSettlement: (id: number, month: string, csv: boolean) => call<string | null>("save_partner_settlement", { id, month, csv }),
  /** A new draft with the campaign's choices, to run it again with changes; its id. */
  copyCampaign: (id: number) => call<number>("copy_campaign", { id }),
  campaignReport: (id: number) => call<Report>("campaign_report", { id }),
  /** Asks where, then saves the report as CSV; the path, or null when cancelled. */
  exportCampaignCsv: (id: number) => call<string | null>("export_campaign_csv", { id }),
  getCostPolicy: () => call<CostPolicy>("get_cost_policy"),
  setCostPolicy: (policy: CostPolicy) => call<CostPolicy>("set_cost_policy", { policy }),

  listBatches: () => call<Batch[]>("list_batches"),
  getBatch: (id: number) => call<Batch>("get_batch", { id }),
  /** All or nothing; 100,000 codes take a second or two. */
  issueBatch: (input: BatchInput) => call<Batch>("issue_batch", { input }),
  batchVouchers: (id: number) => call<VoucherRow[]>("batch_vouchers", { id }),
  /** The batch's counter log: redemptions, undos and voidings, newest first. */
  batchEvents: (id: number) => call<VoucherEvent[]>("batch_events", { id }),
  voidBatch: (id: number, reason: string) => call<Batch>("void_batch", { id, reason }),
  voidVoucher: (code: string, reason: string) => call<VoucherInfo>("void_voucher", { code, reason }),
  redeemVoucher: (input: RedeemInput) => call<Redemption>("redeem_voucher", { input }),
  /** Takes back the most recent redemption, within 10 minutes. */
  /** Takes back the redemption of `code` (within 10 minutes). */
  undoRedemption: (code: string, reason: string, staff: string) => call<Undone>("undo_redemption", { code, reason, staff }),
  /** One card of the batch as it prints; the first voucher when `code` is null. */
  voucherPreview: (batchId: number, code: string | null) => call<VoucherPreview>("voucher_preview", { batchId, code }),
  /** Each opens the system's save dialog and answers the path, or null when cancelled. */
  saveVoucherSheet: (id: number) => call<string | null>("save_voucher_sheet", { id }),
  saveVoucherImage: (code: string) => call<string | null>("save_voucher_image", { code }),
  exportBatchCsv: (id: number) => call<string | null>("export_batch_csv", { id }),
  /** Opens the batch's sheet in the system's PDF viewer, to print from there. */
  printVoucherSheet: (id: number) => call<null>("print_voucher_sheet", { id }),

  listSchedules: () => call<Schedule[]>("list_schedules"),
  createSchedule: (input: ScheduleInput) => call<Schedule>("create_schedule", { input }),
  updateSchedule: (id: number, input: ScheduleInput) => call<Schedule>("update_schedule", { id, input }),
  /** Paused schedules leave the calendar and stay quiet until resumed. */
  setSchedulePaused: (id: number, paused: boolean) => call<Schedule>("set_schedule_paused", { id, paused }),
  deleteSchedule: (id: number) => call<null>("delete_schedule", { id }),
  /** Every occurrence from day `from` to day `to` ("YYYY-MM-DD", both included). */
  listOccurrences: (from: string, to: string) => call<CalendarOccurrence[]>("list_occurrences", { from, to }),
  /** `at` is the occurrence's instant as the calendar gave it. */
  markOccurrence: (scheduleId: number, at: string, state: OccurrenceState) =>
    call<CalendarOccurrence>("mark_occurrence", { scheduleId, at, state }),
  /** Asks where to save, then writes the .ics; null when the owner cancelled. */
  exportSchedulesIcs: () => call<string | null>("export_schedules_ics"),

  listContent: (from: string, to: string, communityId: number | null) =>
    call<ContentItem[]>("list_content", { from, to, communityId }),
  /** `image`: a PNG or JPEG as base64 (no data: prefix), saved with the topic in one step. */
  createContent: (input: ContentInput, image: string | null) => call<ContentItem>("create_content", { input, image }),
  /** The words and the image change (new base64, or removed) are saved together or not at all. */
  updateContent: (id: number, input: ContentInput, image: string | null, removeImage: boolean) =>
    call<ContentItem>("update_content", { id, input, image, removeImage }),
  deleteContent: (id: number) => call<null>("delete_content", { id }),
  setContentPosted: (id: number, posted: boolean) => call<ContentItem>("set_content_posted", { id, posted }),
  /** The image as a data: URL, or null. */
  contentImage: (id: number) => call<string | null>("content_image", { id }),
  /** Starter topics for this community's kind and the shop's industry, in the shop's language. */
  topicIdeas: (communityId: number) => call<TopicIdea[]>("topic_ideas", { communityId }),

  reminderCentre: () => call<ReminderCentre>("reminder_centre"),
  /** Clears missed reminders from the centre: these keys, or all when null. */
  dismissReminders: (keys: string[] | null) => call<ReminderCentre>("dismiss_reminders", { keys }),
  /** Silences notifications for `minutes` (0 resumes); reminders still reach the centre. */
  pauseReminders: (minutes: number) => call<ReminderCentre>("pause_reminders", { minutes }),
  /** Whether ShopCircle starts at login (the system's own setting). */
  autostartEnabled: () => call<boolean>("autostart_enabled"),
  setAutostart: (enabled: boolean) => call<boolean>("set_autostart", { enabled }),
};

export type {
  AppInfo,
  Community,
  CommunityInput,
  ErrorPayload,
  HealthCheck,
  Lang,
  MemberCount,
  RuleTemplate,
  Shop,
  ShopInput,
  Staff,
  StaffInput,
};
