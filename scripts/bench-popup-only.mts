import { popupDueList } from './bench-popup';
console.log(JSON.stringify(await popupDueList()));
