import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** An exported function of lib/ that takes an actor (directly, in its options, or inside an access object). */
export type ActorFunction = {
  /** `<area>/<name>`: the folder under lib/ (or the file, for lib's own files) and the export's name; stable when a file is split. */
  key: string;
  /** Path from the repository root. */
  file: string;
  name: string;
};

const LIB = path.join(process.cwd(), 'lib');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'test' || entry.name === 'messages' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const ACTOR_PROPERTY = /\bactor\??\s*:/;

/**
 * Every exported function in lib/ (tests and fixtures aside) with a parameter that holds an actor, read
 * from the source: a parameter named `actor`, an options object with an `actor`, or a parameter whose
 * type names `Actor` or a type that holds one (found across all of lib/, so a type imported from another
 * file counts too).
 */
export function listActorFunctions(): ActorFunction[] {
  const files = sourceFiles(LIB).map((file) => ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true));
  const declarations = new Map<string, string>();
  for (const source of files)
    source.forEachChild((node) => {
      if (ts.isTypeAliasDeclaration(node) || ts.isInterfaceDeclaration(node)) declarations.set(node.name.text, node.getText());
    });
  // Types that hold an actor, directly or through another such type, until nothing new is found.
  const holders = new Set<string>(['Actor']);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [name, text] of declarations) {
      if (holders.has(name)) continue;
      const words = new Set(text.match(/\b[A-Za-z_]\w*\b/g));
      if (ACTOR_PROPERTY.test(text) || [...holders].some((h) => words.has(h))) {
        holders.add(name);
        grew = true;
      }
    }
  }
  const takesActor = (parameters: ts.NodeArray<ts.ParameterDeclaration>) =>
    parameters.some((p) => {
      if (ts.isIdentifier(p.name) && p.name.text === 'actor') return true;
      if (ts.isObjectBindingPattern(p.name) && p.name.elements.some((e) => (e.propertyName ?? e.name).getText() === 'actor')) return true;
      const type = p.type?.getText() ?? '';
      return ACTOR_PROPERTY.test(type) || (type.match(/\b[A-Za-z_]\w*\b/g) ?? []).some((w) => holders.has(w));
    });
  const found: ActorFunction[] = [];
  for (const source of files) {
    const file = path.relative(process.cwd(), source.fileName);
    const [area] = path.relative(LIB, source.fileName).replace(/\.tsx?$/, '').split(path.sep);
    const add = (name: string) => found.push({ key: `${area}/${name}`, file, name });
    source.forEachChild((node) => {
      if (!ts.canHaveModifiers(node) || !ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) return;
      if (ts.isFunctionDeclaration(node) && node.name && takesActor(node.parameters)) add(node.name.text);
      if (ts.isVariableStatement(node))
        for (const d of node.declarationList.declarations) {
          const init = d.initializer;
          if (init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) && takesActor(init.parameters)) add(d.name.getText());
        }
    });
  }
  return found.sort((a, b) => a.key.localeCompare(b.key));
}
