// Until the fill form lands, the fill page is the preview page (values as JSON, server-rendered preview).
export { PreviewPage as FillPage } from '../preview/PreviewPage.tsx';
