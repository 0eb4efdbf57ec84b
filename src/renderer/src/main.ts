// Why: builds the app once: stores, routes, styles, then mounts.
import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { createAppRouter } from './router'
import { i18n } from './i18n'
// Bundled typefaces, so the notes look the same on every laptop and no font is
// ever fetched from the network (font-src 'self').
import '@fontsource-variable/inter/index.css'
import '@fontsource-variable/source-serif-4/index.css'
import '@fontsource-variable/source-serif-4/wght-italic.css'
// Devanagari faces: their unicode-range means the browser fetches them only for Hindi text.
import '@fontsource-variable/noto-sans-devanagari/index.css'
import '@fontsource-variable/noto-serif-devanagari/index.css'
import './styles/tokens.css'
import './styles/base.css'

createApp(App).use(createPinia()).use(createAppRouter()).use(i18n).mount('#app')
