/** Loads subgraph packages by the names supergraph.yaml gives them: `@bloomzy/<name>` exports one SubgraphModule. */
import type { SubgraphModule } from '@bloomzy/shared/service';

export async function loadSubgraphModule(name: string): Promise<SubgraphModule> {
  const exported = Object.values((await import(`@bloomzy/${name}`)) as Record<string, unknown>);
  const module = exported.find(
    (value): value is SubgraphModule => typeof (value as SubgraphModule)?.start === 'function',
  );
  if (!module) throw new Error(`@bloomzy/${name} exports no subgraph module`);
  return module;
}
