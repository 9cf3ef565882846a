"use client";

import { useMemo, useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import type { RouterOutputs } from "@stagedoor/api/client";
import { errorInfo, useTRPC } from "@/lib/trpc";
import { Alert, Button, Card, Input, Select } from "@/components/ui";

type Overview = RouterOutputs["billing"]["overview"];

/** Assign and release plugin seats per member: search, select several, one click. */
export function LicenseTable({ overview }: { overview: Overview }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [plugin, setPlugin] = useState(overview.plugins[0]!.key);
  const [query, setQuery] = useState("");
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const done = { onSuccess: () => (setSelected(new Set()), router.refresh()) };
  const assign = useMutation(trpc.billing.assignLicenses.mutationOptions(done));
  const release = useMutation(trpc.billing.releaseLicenses.mutationOptions(done));
  const members = useMemo(
    () =>
      overview.members.filter((m) => `${m.email} ${m.name ?? ""}`.toLowerCase().includes(query.trim().toLowerCase())),
    [overview.members, query],
  );
  const current = overview.plugins.find((p) => p.key === plugin)!;
  const error = assign.error ?? release.error;
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };
  return (
    <Card title="Licenses" description={`${current.name}: ${current.used} of ${current.seats} seats used.`}>
      <div className="mb-3 flex flex-wrap gap-2">
        <Select
          aria-label="Plugin"
          value={plugin}
          onChange={(e) => (setPlugin(e.target.value as typeof plugin), setSelected(new Set()))}
        >
          {overview.plugins.map((p) => (
            <option key={p.key} value={p.key}>
              {p.name}
            </option>
          ))}
        </Select>
        <Input
          aria-label="Search members"
          placeholder="Search members"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <Button
          disabled={selected.size === 0 || assign.isPending}
          onClick={() => assign.mutate({ pluginKey: plugin, userIds: [...selected] })}
        >
          Assign seat{selected.size > 1 ? "s" : ""}
        </Button>
        <Button
          variant="secondary"
          disabled={selected.size === 0 || release.isPending}
          onClick={() => release.mutate({ pluginKey: plugin, userIds: [...selected] })}
        >
          Release
        </Button>
      </div>
      {error ? <Alert>{errorInfo(error).message}</Alert> : null}
      <table className="w-full text-left text-sm">
        <thead className="text-slate-500">
          <tr>
            <th className="py-2 font-medium">
              <span className="sr-only">Select</span>
            </th>
            <th className="py-2 font-medium">Member</th>
            <th className="py-2 font-medium">Role</th>
            <th className="py-2 font-medium">Licenses</th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.userId} className="border-t border-slate-100">
              <td className="py-2">
                <input
                  type="checkbox"
                  aria-label={`Select ${m.email}`}
                  checked={selected.has(m.userId)}
                  onChange={() => toggle(m.userId)}
                />
              </td>
              <td className="py-2">{m.email}</td>
              <td className="py-2">{m.role.toLowerCase()}</td>
              <td className="py-2">
                {m.plugins.length
                  ? m.plugins.map((k) => overview.plugins.find((p) => p.key === k)?.name ?? k).join(", ")
                  : "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
