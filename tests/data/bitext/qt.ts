<?xml version="1.0"?>
<TS version="2.1"><context><message><source>Hello</source></message></context></TS>
