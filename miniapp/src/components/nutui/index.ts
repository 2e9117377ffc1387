// The NutUI components the app uses, each with only its own stylesheet (the full one is ten times larger).
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/skeleton/style/css';

export { Button, Cell, CellGroup, Skeleton } from '@nutui/nutui-react-taro';
