// Why: builds the app once: stores, routes, styles, then mounts.
import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { createAppRouter } from './router'
// Bundled typefaces, so the notes look the same on every laptop and no font is
// ever fetched from the network (font-src 'self').
import '@fontsource-variable/inter/index.css'
import '@fontsource-variable/source-serif-4/index.css'
import '@fontsource-variable/source-serif-4/wght-italic.css'
import './styles/tokens.css'
import './styles/base.css'

createApp(App).use(createPinia()).use(createAppRouter()).mount('#app')
