// Server state of communities: lists, one community, its health, counts and rule templates.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { Lang } from "../../bindings/Lang";
import { ipc } from "../../ipc";
import { keys } from "../../queries";

export function useCommunities(includeArchived: boolean) {
  return useQuery({ queryKey: keys.communities(includeArchived), queryFn: () => ipc.listCommunities(includeArchived) });
}

export function useCommunity(id: number) {
  return useQuery({ queryKey: keys.community(id), queryFn: () => ipc.getCommunity(id) });
}

export function useHealth(id: number) {
  return useQuery({ queryKey: keys.health(id), queryFn: () => ipc.communityHealth(id) });
}

export function useMemberCounts(id: number) {
  return useQuery({ queryKey: keys.memberCounts(id), queryFn: () => ipc.listMemberCounts(id) });
}

export function useRuleTemplates(lang: Lang) {
  return useQuery({ queryKey: keys.ruleTemplates(lang), queryFn: () => ipc.ruleTemplates(lang), staleTime: Infinity });
}

/** After any change to a community, everything derived from it is stale. */
export function useInvalidateCommunity() {
  const client = useQueryClient();
  return (id?: number) => {
    void client.invalidateQueries({ queryKey: keys.communitiesAll });
    void client.invalidateQueries({ queryKey: keys.healthAll });
    void client.invalidateQueries({ queryKey: keys.staffAll });
    if (id !== undefined) {
      void client.invalidateQueries({ queryKey: keys.community(id) });
      void client.invalidateQueries({ queryKey: keys.memberCounts(id) });
    }
  };
}
