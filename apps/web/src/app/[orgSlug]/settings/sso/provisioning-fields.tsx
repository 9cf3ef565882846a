"use client";

import { useEffect, useState } from "react";
import { Field, Input, Select } from "@/components/ui";

type MemberRole = "ADMIN" | "MEMBER";

/** "group=ROLE" per line -> the mapping the API takes. */
export const parseMapping = (text: string) =>
  Object.fromEntries(
    text
      .split("\n")
      .map((line) => line.split("=").map((part) => part.trim()))
      .filter(([group, role]) => group && (role === "ADMIN" || role === "MEMBER")),
  ) as Record<string, MemberRole>;

/** The saved mapping as the text the form edits. */
export const formatMapping = (mapping: Record<string, string>) =>
  Object.entries(mapping)
    .map(([g, r]) => `${g}=${r}`)
    .join("\n");

type SavedProvisioning = { defaultRole: string; groupsClaim: string | null; groupRoles: Record<string, string> };

/**
 * The provisioning fields' state, filled from the saved connection when it loads: `fields`
 * for <ProvisioningFields>, `input` for either protocol's save.
 */
export function useProvisioning(saved: SavedProvisioning | null) {
  const [defaultRole, setDefaultRole] = useState<MemberRole>("MEMBER");
  const [groups, setGroups] = useState("");
  const [mapping, setMapping] = useState("");
  useEffect(() => {
    if (!saved) return;
    setDefaultRole(saved.defaultRole === "ADMIN" ? "ADMIN" : "MEMBER");
    setGroups(saved.groupsClaim ?? "");
    setMapping(formatMapping(saved.groupRoles));
  }, [saved]);
  return {
    fields: { defaultRole, onDefaultRole: setDefaultRole, groups, onGroups: setGroups, mapping, onMapping: setMapping },
    input: { defaultRole, groups: groups || null, groupRoles: parseMapping(mapping) },
  };
}

/**
 * Just-in-time provisioning settings, the same for OIDC and SAML: the role of new members,
 * where the IdP puts a person's groups (an ID token claim, an assertion attribute), and the
 * group → role mapping.
 */
export function ProvisioningFields(props: {
  idPrefix: string;
  groupsLabel: string;
  defaultRole: MemberRole;
  onDefaultRole: (role: MemberRole) => void;
  groups: string;
  onGroups: (value: string) => void;
  mapping: string;
  onMapping: (value: string) => void;
}) {
  const { idPrefix: id } = props;
  return (
    <>
      <Field label="Role of new members (just-in-time)" htmlFor={`${id}-default-role`}>
        <Select
          id={`${id}-default-role`}
          value={props.defaultRole}
          onChange={(e) => props.onDefaultRole(e.target.value as MemberRole)}
        >
          <option value="MEMBER">Member</option>
          <option value="ADMIN">Admin</option>
        </Select>
      </Field>
      <Field label={props.groupsLabel} htmlFor={`${id}-groups`}>
        <Input
          id={`${id}-groups`}
          value={props.groups}
          placeholder="groups"
          onChange={(e) => props.onGroups(e.target.value)}
        />
      </Field>
      <Field label="Group → role, one per line (e.g. portal-admins=ADMIN)" htmlFor={`${id}-group-roles`}>
        <textarea
          id={`${id}-group-roles`}
          className="w-full rounded-md border border-slate-300 p-2 font-mono text-sm"
          rows={3}
          value={props.mapping}
          onChange={(e) => props.onMapping(e.target.value)}
        />
      </Field>
    </>
  );
}
