// Styles shared by the staff pages, injected once before the first render (the pages render from JS anyway).
const CSS = `
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:10}
.staff-top{flex-wrap:wrap;gap:.5rem 1rem}.staff-top nav{flex:1}
.nav{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;margin:0;padding:0}
.nav a{display:inline-block;padding:.4rem .2rem}.nav a[aria-current=page]{font-weight:700;text-decoration:none;border-bottom:3px solid var(--accent)}
.who{color:var(--muted)}
main.wide{max-width:76rem}main.login{max-width:26rem}.pad{padding:1rem}
.stack{display:flex;flex-direction:column;gap:.8rem}.row{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
.row.end{align-items:flex-end}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem .5rem;border-bottom:1px solid #d0d7de;vertical-align:top}
th{font-weight:600;background:#f3f5f7}
.tag{display:inline-block;padding:.05rem .5rem;border-radius:1rem;font-size:.875rem;border:1px solid currentColor}
.s-citizen_waiting{color:#7a3d00;background:#fff3cd;font-weight:700}.s-in_call{color:var(--ok)}.s-no_show,.s-cancelled{color:var(--err)}
.s-done{color:var(--muted)}
.card{border:1px solid #d0d7de;border-radius:.4rem;padding:.8rem 1rem;margin:.8rem 0}
.grid2{display:grid;grid-template-columns:repeat(auto-fit,minmax(22rem,1fr));gap:1rem}
.small{font-size:.875rem}button.small{padding:.3rem .6rem}
.ok{color:var(--ok)}
fieldset.bare{border:0;padding:0;margin:0}fieldset{border:1px solid #d0d7de;border-radius:.4rem;padding:.6rem 1rem}legend{font-weight:600}
h1:focus,h2:focus{outline:none}
`;

export function injectStaffStyles(): void {
  const style = document.createElement('style');
  style.textContent = CSS;
  document.head.append(style);
}
