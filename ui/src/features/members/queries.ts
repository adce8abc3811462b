// Server state of the members: a filtered page of the list, one member, and
// what goes stale when one is added or their consent changes.
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import type { MemberFilter } from "../../bindings/MemberFilter";
import { ipc } from "../../ipc";
import { keys } from "../../queries";

export const PAGE_SIZE = 50;

export function useMembers(filter: MemberFilter) {
  // The last page stays on screen while the next search runs, so the table does not blink.
  return useQuery({ queryKey: keys.members(filter), queryFn: () => ipc.listMembers(filter), placeholderData: keepPreviousData });
}

export function useMember(id: number) {
  return useQuery({ queryKey: keys.member(id), queryFn: () => ipc.getMember(id) });
}

export function useInvalidateMembers() {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: keys.membersAll });
}
