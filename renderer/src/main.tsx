import { createRoot } from 'react-dom/client';
import { App } from './App';
import { getBridge } from './bridge';
import './styles.css';

createRoot(document.getElementById('root')!).render(<App api={getBridge()} />);
