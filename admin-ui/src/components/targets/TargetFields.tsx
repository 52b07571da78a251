// The field group of one kind of target, so the route form and the Dir / Handler / Proxy screens edit a target
// with the same fields.
import type { TargetKind } from '@m2/shared';
import { DirFields, type FieldGroupProps } from './DirFields';
import { HandlerFields } from './HandlerFields';
import { ProxyFields } from './ProxyFields';
import type { DirDraft, HandlerDraft, ProxyDraft, TargetDrafts } from './target-drafts';

/** The fields of a target of `kind`. */
export function TargetFields<K extends TargetKind>({ kind, ...props }: { kind: K } & FieldGroupProps<TargetDrafts[K]>) {
  if (kind === 'dir') return <DirFields {...(props as unknown as FieldGroupProps<DirDraft>)} />;
  if (kind === 'handler') return <HandlerFields {...(props as unknown as FieldGroupProps<HandlerDraft>)} />;
  return <ProxyFields {...(props as unknown as FieldGroupProps<ProxyDraft>)} />;
}
