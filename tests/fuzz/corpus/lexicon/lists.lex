# word lists of my own
[first]
Marta
Piet
[person]
Ola Dahl
[title]
chief executive
Prime   Minister
[place]
Tessaly
[placeword]
River
[org]
Orvik Glassworks
[orgword]
Chamber
[group]
Labour
[demonym]
Tessalian = Tessaly
[verb]
said
told
[stop]
Thursday
[particle]
van
