// node --test src/admin/designer/model.test.js (no dependencies)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addPage, applyUpdate, blankScript, cloneFresh, find, findInScript, flatten, freshId, idsOf, insert,
  insertReference, matchVariables, move, moveBy, movePage, newComponent, openReference, placeFor, readCondition, redo,
  remove, removePage, renameVariable, resolvePreview, setStyle, splitTemplate, startHistory, undo, variableNameProblem,
  writeCondition, COMPONENT_TYPES, repeatAround, setSignedContext, toggleContextVariable,
} from './model.js';

function tree() {
  return {
    type: 'verticalContainer', id: 'root', children: [
      { type: 'text', id: 'a', text: 'A' },
      { type: 'horizontalContainer', id: 'h', children: [
        { type: 'webPage', id: 'w1', source: '{{EmbeddedMap}}' },
        { type: 'webPage', id: 'w2', source: '{{KBURL}}' },
      ] },
      { type: 'button', id: 'b', text: 'Submit', action: 'Update Case' },
    ],
  };
}
const order = (root) => flatten(root).map((c) => c.id);

test('every component type gets a fresh, unique id and its own fields', () => {
  const taken = new Set(['text-1']);
  const made = COMPONENT_TYPES.map((t) => newComponent(t.type, taken));
  assert.equal(made.find((c) => c.type === 'text').id, 'text-2');
  assert.equal(new Set(made.map((c) => c.id)).size, made.length);
  assert.deepEqual(newComponent('verticalContainer', taken).children, []);
  assert.equal(freshId('x', new Set(['x-1', 'x-2'])), 'x-3');
});

test('find, insert, remove', () => {
  const root = tree();
  assert.equal(find(root, 'w2').parent.id, 'h');
  assert.equal(find(root, 'w2').index, 1);
  insert(root, 'h', 1, { type: 'text', id: 't' });
  assert.deepEqual(order(root), ['root', 'a', 'h', 'w1', 't', 'w2', 'b']);
  insert(root, 'root', undefined, { type: 'text', id: 'end' });
  assert.equal(root.children.at(-1).id, 'end');
  assert.throws(() => insert(root, 'a', 0, { type: 'text', id: 'x' }), /No container/);
  assert.equal(remove(root, 'h').id, 'h');
  assert.deepEqual(order(root), ['root', 'a', 'b', 'end']);
  assert.equal(remove(root, 'root'), null);
});

test('move counts the index before the move, and refuses a container into itself', () => {
  const root = tree();
  assert.ok(move(root, 'a', 'root', 3)); // drop after the button
  assert.deepEqual(root.children.map((c) => c.id), ['h', 'b', 'a']);
  assert.ok(move(root, 'a', 'h', 0));
  assert.deepEqual(order(root), ['root', 'h', 'a', 'w1', 'w2', 'b']);
  assert.equal(move(root, 'h', 'h', 0), false);
  root.children[0].children.push({ type: 'verticalContainer', id: 'inner', children: [] });
  assert.equal(move(root, 'h', 'inner', 0), false);
  assert.equal(move(root, 'root', 'inner', 0), false);
});

test('moveBy reorders among siblings and stops at the ends', () => {
  const root = tree();
  assert.ok(moveBy(root, 'b', -1));
  assert.deepEqual(root.children.map((c) => c.id), ['a', 'b', 'h']);
  assert.equal(moveBy(root, 'a', -1), false);
  assert.equal(moveBy(root, 'h', 1), false);
});

test('cloneFresh gives the copy and its children new ids and leaves the original alone', () => {
  const root = tree();
  const taken = new Set(flatten(root).map((c) => c.id));
  const copy = cloneFresh(find(root, 'h').node, taken);
  assert.equal(copy.id, 'horizontalContainer-1');
  assert.deepEqual(copy.children.map((c) => c.id), ['webPage-1', 'webPage-2']);
  assert.equal(copy.children[0].source, '{{EmbeddedMap}}');
  assert.equal(find(root, 'h').node.children[0].id, 'w1');
});

test('placeFor: into a selected container, after a selected component, else at the end of the root', () => {
  const root = tree();
  assert.deepEqual(placeFor(root, null), { parentId: 'root', index: 3 });
  assert.deepEqual(placeFor(root, 'h'), { parentId: 'h', index: 2 });
  assert.deepEqual(placeFor(root, 'w1'), { parentId: 'h', index: 1 });
  assert.deepEqual(placeFor(root, 'gone'), { parentId: 'root', index: 3 });
});

test('pages: add, reorder, remove keeps a start page', () => {
  const s = blankScript('X');
  const p2 = addPage(s, 'Second');
  assert.notEqual(p2.id, 'page-1');
  assert.notEqual(p2.root.id, 'root-1');
  assert.ok(movePage(s, p2.id, -1));
  assert.deepEqual(s.pages.map((p) => p.name), ['Second', 'Start Page']);
  assert.ok(removePage(s, 'page-1'));
  assert.equal(s.startPageId, p2.id);
  assert.equal(removePage(s, p2.id), false, 'the last page stays');
  assert.ok(idsOf(s).has(p2.root.id));
});

test('findInScript finds a component on any page', () => {
  const s = blankScript('X');
  const p2 = addPage(s, 'Two');
  p2.root.children.push({ type: 'text', id: 'deep' });
  assert.equal(findInScript(s, 'deep').page.id, p2.id);
  assert.equal(findInScript(s, 'nope'), null);
});

test('variable names: spaces allowed, braces, reserved and duplicates refused', () => {
  const s = { variables: [{ name: 'Customer Name', type: 'string' }] };
  assert.equal(variableNameProblem(s, 'Case Status'), null);
  assert.match(variableNameProblem(s, 'a{b'), /cannot contain/);
  assert.match(variableNameProblem(s, 'Scripter.X'), /reserved/);
  assert.match(variableNameProblem(s, 'Customer Name'), /already/);
  assert.equal(variableNameProblem(s, 'Customer Name', 'Customer Name'), null);
  assert.match(variableNameProblem(s, '  '), /needs a name/);
});

test('renameVariable rewrites references, bindings, steps and expressions', () => {
  const s = blankScript('X');
  s.variables = [{ name: 'Old', type: 'string' }, { name: 'D', type: 'string', kind: 'dynamic', expression: "concat({{Old}}, '!')" }];
  s.pages[0].root.children = [
    { type: 'text', id: 't', text: 'Hi {{Old}} and {{Older}}' },
    { type: 'textInput', id: 'i', variable: 'Old' },
    { type: 'listView', id: 'l', columns: ['Old'], headers: ['h'] },
  ];
  s.customActions = [{ name: 'A', steps: [
    { type: 'setVariable', variable: 'Old', value: { kind: 'variable', value: 'Old' } },
    { type: 'executeDataAction', dataActionId: 'x', inputs: { f: '{{Old}}' }, outputs: { r: 'Old' } },
  ] }];
  renameVariable(s, 'Old', 'New One');
  assert.equal(s.variables[0].name, 'New One');
  assert.equal(s.variables[1].expression, "concat({{New One}}, '!')");
  const [t, i, l] = s.pages[0].root.children;
  assert.equal(t.text, 'Hi {{New One}} and {{Older}}');
  assert.equal(i.variable, 'New One');
  assert.deepEqual(l.columns, ['New One']);
  assert.deepEqual(l.headers, ['h']);
  const [set, run] = s.customActions[0].steps;
  assert.equal(set.variable, 'New One');
  assert.equal(set.value.value, 'New One');
  assert.equal(run.inputs.f, '{{New One}}');
  assert.equal(run.outputs.r, 'New One');
});

test('templates: split, preview values, the open reference at the caret', () => {
  assert.deepEqual(splitTemplate('Hi {{A B}}!'), [{ text: 'Hi ' }, { ref: '{{A B}}', name: 'A B' }, { text: '!' }]);
  assert.equal(resolvePreview('Hi {{A}} {{B}}', { A: 'Jane' }), 'Hi Jane {{B}}');
  assert.deepEqual(openReference('Hi {{Cus', 8), { start: 3, query: 'Cus' });
  assert.deepEqual(openReference('Hi {{', 5), { start: 3, query: '' });
  assert.equal(openReference('Hi {{A}} x', 10), null);
  assert.equal(openReference('no braces', 3), null);
  assert.deepEqual(insertReference('Hi {{Cu!', 3, 7, 'CustomerName'), { text: 'Hi {{CustomerName}}!', caret: 19 });
  assert.deepEqual(insertReference('{{}}', 0, 2, 'A'), { text: '{{A}}', caret: 5 });
  assert.deepEqual(matchVariables(['Scripter.Agent Name', 'Name', 'ANI', 'Nickname'], 'na'),
    ['Name', 'Scripter.Agent Name', 'Nickname']);
});

test('visible/enabled conditions read back as written', () => {
  for (const c of [{ mode: 'never' }, { mode: 'variable', variable: 'Show Map' }, { mode: 'expression', expression: '{{Age}} > 18' }]) {
    const read = readCondition(writeCondition(c));
    assert.equal(read.mode, c.mode);
  }
  assert.equal(writeCondition({ mode: 'always' }), null);
  assert.equal(readCondition(null).mode, 'always');
  assert.equal(readCondition('{{Show Map}}').variable, 'Show Map');
});

test('setStyle drops empty values and an empty style', () => {
  const c = { type: 'text', id: 't' };
  setStyle(c, 'width', '100px');
  assert.deepEqual(c.style, { width: '100px' });
  setStyle(c, 'width', '');
  assert.equal(c.style, undefined);
});

test('history: each update one step, typing coalesces, undo/redo, no-op updates ignored', () => {
  let h = startHistory({ n: 0 });
  h = applyUpdate(h, (s) => { s.n = 1; }, null, 0);
  h = applyUpdate(h, (s) => { s.n = 2; }, 'field', 100);
  h = applyUpdate(h, (s) => { s.n = 3; }, 'field', 200);
  assert.equal(h.present.n, 3);
  assert.equal(h.past.length, 2);
  const before = h;
  assert.equal(applyUpdate(h, () => false), before);
  h = undo(h);
  assert.equal(h.present.n, 1);
  h = undo(h);
  assert.equal(h.present.n, 0);
  assert.equal(undo(h), h);
  h = redo(h);
  assert.equal(h.present.n, 1);
  h = applyUpdate(h, (s) => { s.n = 9; }, null, 5000);
  assert.equal(h.future.length, 0);
  assert.equal(redo(h), h);
  const original = { n: 0, deep: { x: 1 } };
  const h2 = applyUpdate(startHistory(original), (s) => { s.deep.x = 2; });
  assert.equal(original.deep.x, 1, 'the previous state is never mutated');
  assert.equal(h2.present.deep.x, 2);
});

test('an update keeps the identity of what it did not change, and a no-change update is no step', () => {
  const s = blankScript('X');
  s.pages[0].root.children = [{ type: 'text', id: 'a', text: 'A' }, { type: 'text', id: 'b', text: 'B' },
    { type: 'horizontalContainer', id: 'h', children: [{ type: 'text', id: 'c', text: 'C' }] }];
  let h = startHistory(s);
  h = applyUpdate(h, (x) => { find(x.pages[0].root, 'b').node.text = 'B2'; });
  const [a, b, hb] = h.present.pages[0].root.children;
  assert.equal(a, s.pages[0].root.children[0]);
  assert.notEqual(b, s.pages[0].root.children[1]);
  assert.equal(hb, s.pages[0].root.children[2]);
  assert.equal(h.present.variables, s.variables);
  const before = h.present;
  h = applyUpdate(h, (x) => { insert(x.pages[0].root, 'root-1', 0, { type: 'text', id: 'new' }); });
  assert.equal(h.present.pages[0].root.children[1], before.pages[0].root.children[0], 'matched by id after a shift');
  const same = applyUpdate(h, (x) => { x.name = 'X'; });
  assert.equal(same, h);
});

test('repeatAround names the list of the nearest repeating container around a component, not its own', () => {
  const script = blankScript('R');
  script.pages[0].root.children = [
    { type: 'horizontalContainer', id: 'cards', repeatFor: 'Services', children: [
      { type: 'verticalContainer', id: 'card', children: [{ type: 'text', id: 'title', text: '{{Item}}' }] },
    ] },
    { type: 'text', id: 'outside', text: '' },
  ];
  assert.equal(repeatAround(script, 'title'), 'Services');
  assert.equal(repeatAround(script, 'card'), 'Services');
  assert.equal(repeatAround(script, 'cards'), null);
  assert.equal(repeatAround(script, 'outside'), null);
  assert.equal(repeatAround(script, 'nowhere'), null);
});

test('a web page signed context is turned on and off and names variables once each', () => {
  const web = { type: 'webPage', id: 'w', source: 'https://crm.example.com' };
  setSignedContext(web, true);
  assert.deepEqual(web.signedContext, { variables: [] });
  toggleContextVariable(web, 'ANI', true);
  toggleContextVariable(web, 'ANI', true);
  toggleContextVariable(web, 'CustomerName', true);
  assert.deepEqual(web.signedContext.variables, ['ANI', 'CustomerName']);
  toggleContextVariable(web, 'ANI', false);
  assert.deepEqual(web.signedContext.variables, ['CustomerName']);
  setSignedContext(web, false);
  assert.equal('signedContext' in web, false);
});

test('renaming a variable renames a repeat and a signed context naming it', () => {
  const script = blankScript('R');
  script.variables = [{ name: 'Services', type: 'string', kind: 'list' }, { name: 'ANI', type: 'string' }];
  script.pages[0].root.children = [
    { type: 'verticalContainer', id: 'cards', repeatFor: 'Services', children: [] },
    { type: 'webPage', id: 'w', source: '', signedContext: { variables: ['ANI', 'Services'] } },
  ];
  renameVariable(script, 'Services', 'Products');
  assert.equal(find(script.pages[0].root, 'cards').node.repeatFor, 'Products');
  assert.deepEqual(find(script.pages[0].root, 'w').node.signedContext.variables, ['ANI', 'Products']);
});
