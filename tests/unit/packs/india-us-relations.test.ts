// Why: the India–US relations pack is held to the same promises as every syllabus pack, with its pacts table.
import { checkSyllabusPack } from './syllabus-pack-checks'
checkSyllabusPack({ id: 'india-us-relations', tables: { 'foundational-pacts': 5 } })
