// Why: the groupings pack is held to the same promises as every syllabus pack, with its two compare tables.
import { checkSyllabusPack } from './syllabus-pack-checks'
checkSyllabusPack({ id: 'groupings', tables: { 'groupings-compare': 8, 'export-controls': 5 } })
